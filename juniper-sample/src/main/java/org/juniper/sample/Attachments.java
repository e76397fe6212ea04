package org.juniper.sample;

import static org.juniper.sample.BusinessTables.audited;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import org.juniper.sample.DumpWriter.RowWriter;
import org.juniper.upgrade.archive.Sha1;

/**
 * The customer's attachments: invoice PDFs and agreements in the filestore, product images still stored in the
 * database (as older databases have them, for the upgrade to move out), and one terms-and-conditions PDF attached
 * to many purchase orders, stored once as the ERP does.
 */
final class Attachments {
    record File(int id, String name, String resModel, int resId, String resField, String mimetype, byte[] content,
            String sha1, boolean inDatabase, boolean shared, String text, LocalDateTime created) {

        String storeName() {
            return sha1.substring(0, 2) + "/" + sha1;
        }
    }

    interface FileVisitor {
        void file(File file) throws IOException;
    }

    private final SampleModel model;
    private final byte[] termsAndConditions;

    Attachments(SampleModel model) {
        this.model = model;
        this.termsAndConditions = pdf(Rng.of(model.seed, SampleModel.ATTACHMENT, -1),
                "General terms and conditions of purchase", "Article 1 - Scope", "Article 2 - Delivery",
                "Article 3 - Payment within 30 days");
    }

    /** Every attachment in id order, with its content. */
    void forEach(FileVisitor visitor) throws IOException {
        // after the standard files later versions install
        int[] id = {model.layout.firstFreeId("ir_attachment")};
        LocalDateTime start = SampleModel.SNAPSHOT.minusYears(2);
        for (int index = 1; index < model.products; index += 20) {
            SampleModel.Product product = model.product(index);
            byte[] png = png(Rng.of(model.seed, SampleModel.ATTACHMENT, index));
            visitor.file(new File(id[0]++, "image_1920", "product.template", product.templateId(), "image_1920",
                    "image/png", png, Sha1.of(png), true, false, null, start.plusHours(index)));
        }
        int blocks = Math.max(1, (model.partners - model.users) / 5);
        for (int document = 0; document < model.partnerDocuments; document++) {
            SampleModel.Partner company = model.partner(model.users + 5 * (document * 7 % blocks));
            String text = "Framework agreement between " + company.name() + " and us, reference FA-" + (1000 + document);
            byte[] pdf = pdf(Rng.of(model.seed, SampleModel.ATTACHMENT, 1_000_000L + document), text,
                    "Signed on behalf of " + company.name(), "Valid until 31/12/2022");
            visitor.file(new File(id[0]++, "Framework agreement - " + company.name() + ".pdf", "res.partner",
                    company.id(), null, "application/pdf", pdf, Sha1.of(pdf), false, false, text,
                    start.plusHours(document * 5L)));
        }
        String termsSha1 = Sha1.of(termsAndConditions);
        model.walkOrders(order -> {
            if (!order.sale && order.index % 25 == 0) {
                visitor.file(new File(id[0]++, "Terms and conditions.pdf", "purchase.order", order.id, null,
                        "application/pdf", termsAndConditions, termsSha1, false, true, null, order.date));
            }
            if (order.sale && order.invoicePosted && order.invoiceId % 10 == 0) {
                String title = "Invoice " + order.invoiceName + " - " + order.partner.name();
                byte[] pdf = pdf(Rng.of(model.seed, SampleModel.ATTACHMENT, 2_000_000L + order.invoiceId), title,
                        "Order " + order.name, "Total: " + SampleModel.money(order.total()) + " EUR");
                visitor.file(new File(id[0]++, order.invoiceName.replace('/', '_') + ".pdf", "account.move",
                        order.invoiceId, null, "application/pdf", pdf, Sha1.of(pdf), order.invoiceId % 50 == 0,
                        false, title, order.invoiceDate.atTime(order.date.toLocalTime())));
            }
        });
    }

    void writeTable(DumpWriter.TableData data) throws IOException {
        RowWriter rows = data.columns(audited("id", "name", "res_model", "res_field", "res_id", "company_id", "type",
                "public", "db_datas", "store_fname", "file_size", "checksum", "mimetype", "index_content"));
        int admin = model.ref("base.user_admin");
        forEach(file -> rows.write(audited(admin, file.created(), file.created(), file.id(), file.name(),
                file.resModel(), file.resField(), file.resId(), 1, "binary", false,
                file.inDatabase() ? file.content() : null, file.inDatabase() ? null : file.storeName(),
                file.content().length, file.sha1(), file.mimetype(), file.text())));
    }

    /** A one-page PDF with the given lines and an embedded compressed stream, as scanned or printed PDFs have. */
    static byte[] pdf(Rng rng, String... lines) {
        StringBuilder text = new StringBuilder("BT /F1 12 Tf 50 780 Td\n");
        for (String line : lines) {
            text.append('(').append(line.replaceAll("[()\\\\]", " ")).append(") Tj 0 -18 Td\n");
        }
        text.append("ET\n");
        byte[] stream = new byte[rng.between(2_000, 12_000)];
        for (int i = 0; i < stream.length; i += 8) {
            long value = rng.nextLong();
            for (int b = 0; b < 8 && i + b < stream.length; b++) {
                stream[i + b] = (byte) (value >>> (8 * b));
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(stream.length + 1024);
        byte[] content = text.toString().getBytes(StandardCharsets.ISO_8859_1);
        out.writeBytes(("%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
                + "2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n"
                + "3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
                + "/Resources << /Font << /F1 5 0 R >> >> >> endobj\n"
                + "4 0 obj << /Length " + content.length + " >> stream\n").getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(content);
        out.writeBytes(("endstream endobj\n5 0 obj << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> endobj\n"
                + "6 0 obj << /Length " + stream.length + " /Filter /FlateDecode >> stream\n")
                .getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(stream);
        out.writeBytes("\nendstream endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n".getBytes(StandardCharsets.ISO_8859_1));
        return out.toByteArray();
    }

    /** A valid 32x32 PNG: a colour gradient with some noise, like a small product photo. */
    static byte[] png(Rng rng) {
        int size = 32;
        int red = rng.below(256);
        int green = rng.below(256);
        int blue = rng.below(256);
        ByteArrayOutputStream pixels = new ByteArrayOutputStream();
        try (DeflaterOutputStream deflate = new DeflaterOutputStream(pixels, new Deflater(9))) {
            for (int y = 0; y < size; y++) {
                deflate.write(0); // no filter
                for (int x = 0; x < size; x++) {
                    deflate.write((red + 4 * x + rng.below(24)) & 0xff);
                    deflate.write((green + 4 * y + rng.below(24)) & 0xff);
                    deflate.write((blue + 2 * (x + y)) & 0xff);
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("in-memory compression cannot fail", e);
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        png.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        chunk(png, "IHDR", ByteBuffer.allocate(13).putInt(size).putInt(size).put((byte) 8).put((byte) 2)
                .put((byte) 0).put((byte) 0).put((byte) 0).array());
        chunk(png, "IDAT", pixels.toByteArray());
        chunk(png, "IEND", new byte[0]);
        return png.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream png, String type, byte[] data) {
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        png.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        png.writeBytes(typeBytes);
        png.writeBytes(data);
        png.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }
}
