package org.juniper.sample;

import java.io.IOException;
import java.math.BigDecimal;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The sample customer: how many of each record the scale asks for, and every record as a pure function of the
 * seed and its index. Tables written far apart in the dump (orders, pickings, invoices) agree on ids and amounts
 * because they recompute the same records instead of remembering them.
 */
final class SampleModel {
    /** Random streams, one per kind of record. */
    static final int PARTNER = 1;
    static final int PRODUCT = 2;
    static final int SALE = 3;
    static final int PURCHASE = 4;
    static final int TOKEN = 5;
    static final int ATTACHMENT = 6;

    /** The moment the customer took the backup; the data covers the years before it. */
    static final LocalDateTime SNAPSHOT = LocalDateTime.of(2021, 9, 30, 18, 0, 0);
    private static final LocalDateTime FIRST_ORDER = LocalDateTime.of(2019, 1, 7, 8, 0, 0);
    static final int PRODUCT_CATEGORIES = 20;
    static final int LOTS_PER_TRACKED_PRODUCT = 3;
    static final long TAX_PERCENT = 15;

    final long seed;
    final SchemaLayout layout;
    final VersionShape shape;
    /** The customer's own module, null without one. */
    final CustomModule custom;
    final int partners;
    final int users;
    final int products;
    final int saleOrders;
    final int purchaseOrders;
    final int paymentTokens;
    final int partnerDocuments;

    final int firstPartnerId;
    final int firstUserId;
    final int firstTemplateId;
    final int firstProductId;
    final int firstCategoryId;
    private final int unitUom;
    private final int hourUom;

    SampleModel(SampleSpec spec, SchemaLayout layout, VersionShape shape, CustomModule custom) {
        this.seed = spec.seed();
        this.layout = layout;
        this.shape = shape;
        this.custom = custom;
        double scale = spec.scale();
        // scale 1 is a mid-size customer, a database of about 1 GB; the floors keep the smallest samples coherent
        users = atLeast(3, 180 * scale);
        partners = users + atLeast(20, 150_000 * scale);
        products = atLeast(10, 60_000 * scale);
        saleOrders = atLeast(5, 90_000 * scale);
        purchaseOrders = atLeast(3, 30_000 * scale);
        paymentTokens = atLeast(1, 3_000 * scale);
        partnerDocuments = atLeast(1, 1_500 * scale);
        firstPartnerId = layout.firstFreeId("res_partner");
        firstUserId = layout.firstFreeId("res_users");
        firstTemplateId = layout.firstFreeId("product_template");
        firstProductId = layout.firstFreeId("product_product");
        firstCategoryId = layout.firstFreeId("product_category");
        unitUom = layout.ref("product.product_uom_unit");
        hourUom = layout.ref("product.product_uom_hour");
    }

    private static int atLeast(int floor, double count) {
        return (int) Math.max(floor, Math.round(count));
    }

    /** The id of a standard record by its 14.0 xml id. */
    int ref(String xmlId) {
        return layout.ref(shape.xmlId(xmlId));
    }

    // ------------------------------------------------------------------ people

    record Partner(int index, int id, String name, String displayName, boolean isCompany, Integer parentId,
            int commercialId, String commercialName, String type, String street, String zip, String city,
            Words.Country country, String email, String phone, String mobile, String lang, String vat,
            String website, String function, String ref, int customerRank, int supplierRank, LocalDateTime created) {
    }

    int partnerId(int index) {
        return firstPartnerId + index;
    }

    int userId(int user) {
        return firstUserId + user;
    }

    /** Partners 0..users-1 are the employees behind the users; the rest come in blocks of five. */
    Partner partner(int index) {
        Rng rng = Rng.of(seed, PARTNER, index);
        int id = partnerId(index);
        LocalDateTime created = FIRST_ORDER.minusDays(400).plusMinutes((long) index * 37 % 1_400_000);
        if (index < users) {
            String first = rng.pick(Words.FIRST_NAMES);
            String last = rng.pick(Words.LAST_NAMES);
            String name = first + " " + last;
            return new Partner(index, id, name, "My Company, " + name, false, 1, 1, "My Company", "contact",
                    null, null, null, Words.COUNTRIES[1], cachedSlug(first) + "." + cachedSlug(last) + index + "@mycompany.example",
                    phone(rng, Words.COUNTRIES[1], false), phone(rng, Words.COUNTRIES[1], true), "en_US", null, null,
                    rng.pick(Words.FUNCTIONS), null, 0, 0, created);
        }
        int position = index - users;
        int slot = position % 5;
        if (slot == 0) {
            return company(index, id, rng, position / 5, created);
        }
        String first = rng.pick(Words.FIRST_NAMES);
        String last = rng.pick(Words.LAST_NAMES);
        String name = first + " " + last;
        boolean[] phones = phoneMix(rng);
        if (slot <= 2) {
            Partner company = partner(index - slot);
            String domain = company.email().substring(company.email().indexOf('@') + 1);
            return new Partner(index, id, name, company.name() + ", " + name, false, company.id(), company.id(),
                    company.name(), "contact", company.street(), company.zip(), company.city(), company.country(),
                    cachedSlug(first) + "." + cachedSlug(last) + "@" + domain,
                    phones[0] ? phone(rng, company.country(), false) : null,
                    phones[1] ? phone(rng, company.country(), true) : null, company.lang(), null, null,
                    rng.pick(Words.FUNCTIONS), null, 0, 0, created);
        }
        Words.Country country = country(rng);
        String[] mailDomains = {"example.com", "example.net", "example.org"};
        return new Partner(index, id, name, name, false, null, id, null, "contact",
                rng.between(1, 250) + " " + rng.pick(Words.STREETS) + " Street", rng.digits(country.zipDigits()
                        .charAt(0) - '0'), rng.pick(country.cities()), country,
                rng.chance(0.9) ? cachedSlug(first) + "." + cachedSlug(last) + rng.between(1, 99) + "@" + rng.pick(mailDomains)
                        : null,
                phones[0] ? phone(rng, country, false) : null, phones[1] ? phone(rng, country, true) : null,
                country.lang(), null, null, null, null, 1, 0, created);
    }

    private Partner company(int index, int id, Rng rng, int block, LocalDateTime created) {
        Words.Country country = country(rng);
        String base = rng.pick(Words.COMPANY_PREFIXES) + " " + rng.pick(Words.COMPANY_TRADES);
        String name = base + " " + Words.LEGAL_SUFFIX_BY_COUNTRY[country.id() - 1];
        String domain = cachedSlug(base).replace('.', '-') + "-" + block + ".example";
        return new Partner(index, id, name, name, true, null, id, name, "contact",
                rng.between(1, 400) + " " + rng.pick(Words.STREETS) + " Road",
                rng.digits(country.zipDigits().charAt(0) - '0'), rng.pick(country.cities()), country,
                "info@" + domain, phone(rng, country, false), rng.chance(0.1) ? phone(rng, country, true) : null,
                country.lang(), country.code() + rng.digits(10), "https://www." + domain, null,
                "C" + (10_000 + block), rng.chance(0.8) ? 1 : 0, isVendorBlock(block) ? 1 : 0, created);
    }

    /** One company in ten is also a vendor. */
    static boolean isVendorBlock(int block) {
        return block % 10 == 0;
    }

    /** Phone and mobile: some partners have a mobile only, which matters to versions that drop the field. */
    private static boolean[] phoneMix(Rng rng) {
        double roll = rng.nextDouble();
        return new boolean[] {roll >= 0.15 && roll < 0.9, roll < 0.5};
    }

    private static Words.Country country(Rng rng) {
        int roll = rng.below(100);
        for (Words.Country country : Words.COUNTRIES) {
            roll -= country.weight();
            if (roll < 0) {
                return country;
            }
        }
        return Words.COUNTRIES[0];
    }

    private static String phone(Rng rng, Words.Country country, boolean mobile) {
        return country.phonePrefix() + " " + (mobile ? "4" + rng.digits(2) : rng.digits(2)) + " " + rng.digits(2)
                + " " + rng.digits(2) + " " + rng.digits(2);
    }

    /** Zero-padded document numbers, such as S00042; String.format is too slow for every row. */
    static String padded(int number, int width) {
        String digits = Integer.toString(number);
        return digits.length() >= width ? digits : "0".repeat(width - digits.length()) + digits;
    }

    /** Names come from word lists, so the slugs of their words are computed once. */
    private final Map<String, String> slugs = new HashMap<>();

    private String cachedSlug(String text) {
        return slugs.computeIfAbsent(text, SampleModel::slug);
    }

    static String slug(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", ".").replaceAll("^\\.|\\.$", "");
    }

    /** The employee behind a user; the administrator's messages are signed by the first employee. */
    Partner employeeOf(int userId) {
        int user = userId - firstUserId;
        return partner(user >= 0 && user < users ? user : 0);
    }

    /** A customer for an order: any partner but the employees. */
    int customerIndex(Rng rng) {
        return users + rng.below(partners - users);
    }

    /** A vendor: a company of a vendor block. */
    int vendorIndex(Rng rng) {
        int blocks = Math.max(1, (partners - users + 4) / 5);
        int vendorBlocks = Math.max(1, (blocks + 9) / 10);
        return users + 5 * 10 * rng.below(vendorBlocks);
    }

    // ------------------------------------------------------------------ products

    record Product(int index, int templateId, int productId, String[] names, String type, int categoryId,
            long listPrice, long cost, double weight, double volume, int uomId, String tracking, String defaultCode,
            String barcode, String descriptionSale) {

        String name() {
            return names[0];
        }

        boolean stored() {
            return !type.equals("service");
        }
    }

    /** Every tenth product is tracked by lots, so it is always a storable one. */
    Product product(int index) {
        Rng rng = Rng.of(seed, PRODUCT, index);
        double roll = rng.nextDouble();
        String type = index % 10 == 0 || roll < 0.6 ? "product" : roll < 0.88 ? "consu" : "service";
        String series = (char) ('A' + rng.below(26)) + "-" + rng.between(100, 999);
        String[] names = new String[4];
        long price;
        int uom;
        if (type.equals("service")) {
            String[] service = Words.SERVICE_NAMES[rng.below(Words.SERVICE_NAMES.length)];
            for (int lang = 0; lang < 4; lang++) {
                names[lang] = service[lang] + " " + series;
            }
            price = 100L * rng.between(45, 160);
            uom = hourUom;
        } else {
            String[] adjective = Words.PRODUCT_ADJECTIVES[rng.below(Words.PRODUCT_ADJECTIVES.length)];
            String[] noun = Words.PRODUCT_NOUNS[rng.below(Words.PRODUCT_NOUNS.length)];
            names[0] = adjective[0] + " " + noun[0] + " " + series;
            names[1] = noun[1] + " " + adjective[1].toLowerCase(Locale.ROOT) + " " + series;
            names[2] = adjective[2] + " " + noun[2] + " " + series;
            names[3] = noun[3] + " " + adjective[3].toLowerCase(Locale.ROOT) + " " + series;
            // prices spread over a few orders of magnitude, as in a real catalogue
            price = Math.round(Math.exp(rng.nextDouble() * Math.log(2000.0 / 8)) * 800) / 5 * 5;
            uom = unitUom;
        }
        String code = (type.equals("service") ? "SERV_" : "FURN_") + padded(index + 1, 5);
        String barcode = type.equals("service") || rng.chance(0.2) ? null : ean13("54" + padded(index, 10));
        return new Product(index, firstTemplateId + index, firstProductId + index, names, type,
                firstCategoryId + rng.below(PRODUCT_CATEGORIES), price, price * 6 / 10,
                type.equals("service") ? 0 : Math.round(rng.nextDouble() * 800) / 10.0,
                type.equals("service") ? 0 : Math.round(rng.nextDouble() * 200) / 100.0, uom,
                index % 10 == 0 ? "lot" : "none", code, barcode,
                rng.chance(0.3) ? "Delivered fully assembled.\nTwo-year warranty." : null);
    }

    int lotId(int productIndex, int lot) {
        return 1 + productIndex / 10 * LOTS_PER_TRACKED_PRODUCT + lot;
    }

    private static String ean13(String twelveDigits) {
        int sum = 0;
        for (int i = 0; i < 12; i++) {
            sum += (twelveDigits.charAt(i) - '0') * (i % 2 == 0 ? 1 : 3);
        }
        return twelveDigits + (10 - sum % 10) % 10;
    }

    // ------------------------------------------------------------------ orders and what follows them

    static final class Line {
        int id;
        int sequence;
        Product product;
        int quantity;
        long priceUnit;
        int discount;
        long subtotal;
        long tax;
        /** The stock move (and its single move line), 0 without one. */
        int moveId;
        /** The invoice line, 0 without one. */
        int invoiceLineId;
        int lotId;
    }

    /** A sale or purchase order with the picking, invoice and payment that followed it. */
    static final class Order {
        boolean sale;
        int index;
        int id;
        String name;
        Partner partner;
        int userId;
        LocalDateTime date;
        String state;
        final List<Line> lines = new ArrayList<>();
        long untaxed;
        long tax;
        int pickingId;
        String pickingName;
        boolean pickingDone;
        int invoiceId;
        String invoiceName;
        String invoicePrefix;
        int invoiceSequence;
        boolean invoicePosted;
        boolean invoicePaid;
        LocalDate invoiceDate;
        int taxLineId;
        int counterpartLineId;
        int transactionId;

        long total() {
            return untaxed + tax;
        }

        boolean confirmed() {
            return state.equals("sale") || state.equals("done") || state.equals("purchase");
        }

        boolean stored() {
            for (Line line : lines) {
                if (line.product.stored()) {
                    return true;
                }
            }
            return false;
        }
    }

    interface OrderVisitor {
        void order(Order order) throws IOException;
    }

    /**
     * Every order in id order, sales first, with the ids of everything that follows from it. Any table derived
     * from orders walks them all so that the counters agree.
     */
    void walkOrders(OrderVisitor visitor) throws IOException {
        int[] next = {1, 1, 1, 1, 1, 1}; // sale line, purchase line, picking, move, invoice, invoice line
        int transactions = 1;
        Map<String, Integer> sequences = new HashMap<>();
        for (int i = 0; i < saleOrders + purchaseOrders; i++) {
            boolean sale = i < saleOrders;
            Order order = sale ? saleOrder(i) : purchaseOrder(i - saleOrders);
            for (Line line : order.lines) {
                line.id = next[sale ? 0 : 1]++;
            }
            if (order.confirmed() && order.stored()) {
                order.pickingId = next[2]++;
                String type = sale ? "OUT" : "IN";
                int number = sequences.merge("WH/" + type, 1, Integer::sum);
                order.pickingName = "WH/" + type + "/" + padded(number, 5);
                for (Line line : order.lines) {
                    if (line.product.stored()) {
                        line.moveId = next[3]++;
                    }
                }
            }
            Rng rng = Rng.of(seed, sale ? SALE : PURCHASE, 1_000_000L + i);
            order.pickingDone = order.pickingId > 0 && (order.state.equals("done") || rng.chance(0.75));
            if (order.confirmed() && (order.state.equals("done") || rng.chance(0.85))) {
                order.invoiceId = next[4]++;
                order.invoiceDate = order.date.toLocalDate().plusDays(rng.below(10));
                if (order.invoiceDate.isAfter(SNAPSHOT.toLocalDate())) {
                    order.invoiceDate = SNAPSHOT.toLocalDate();
                }
                order.invoicePosted = rng.chance(0.95);
                order.invoicePaid = order.invoicePosted && rng.chance(0.8);
                order.invoicePrefix = (sale ? "INV/" : "BILL/") + order.invoiceDate.getYear() + "/";
                if (order.invoicePosted) {
                    order.invoiceSequence = sequences.merge(order.invoicePrefix, 1, Integer::sum);
                    order.invoiceName = order.invoicePrefix + padded(order.invoiceSequence, 4);
                } else {
                    order.invoiceName = "/";
                }
                for (Line line : order.lines) {
                    line.invoiceLineId = next[5]++;
                }
                order.taxLineId = next[5]++;
                order.counterpartLineId = next[5]++;
            }
            if (sale && order.confirmed() && rng.chance(0.2)) {
                order.transactionId = transactions++;
            }
            visitor.order(order);
        }
    }

    private LocalDateTime orderDate(int index, int count, Rng rng) {
        long span = ChronoUnit.MINUTES.between(FIRST_ORDER, SNAPSHOT.minusDays(2));
        return FIRST_ORDER.plusMinutes(span * index / count + rng.below(600)).withSecond(rng.below(60));
    }

    private Order saleOrder(int index) {
        Rng rng = Rng.of(seed, SALE, index);
        Order order = new Order();
        order.sale = true;
        order.index = index;
        order.id = index + 1;
        order.name = "S" + padded(index + 1, 5);
        order.partner = partner(customerIndex(rng));
        order.userId = rng.chance(0.1) ? ref("base.user_admin") : userId(rng.below(users));
        order.date = orderDate(index, saleOrders, rng);
        boolean recent = index > saleOrders * 0.97;
        double roll = rng.nextDouble();
        order.state = recent ? (roll < 0.4 ? "draft" : roll < 0.6 ? "sent" : "sale")
                : roll < 0.06 ? "draft" : roll < 0.1 ? "sent" : roll < 0.12 ? "cancel" : roll < 0.8 ? "sale" : "done";
        int lineCount = rng.between(1, 6);
        for (int sequence = 1; sequence <= lineCount; sequence++) {
            Product product = product(rng.below(products));
            Line line = new Line();
            line.sequence = sequence * 10;
            line.product = product;
            line.quantity = product.stored() ? rng.between(1, 20) : rng.between(1, 8);
            line.priceUnit = product.listPrice();
            line.discount = rng.chance(0.2) ? 5 * rng.between(1, 4) : 0;
            addLine(order, line, rng);
        }
        return order;
    }

    private Order purchaseOrder(int index) {
        Rng rng = Rng.of(seed, PURCHASE, index);
        Order order = new Order();
        order.index = index;
        order.id = index + 1;
        order.name = "P" + padded(index + 1, 5);
        order.partner = partner(vendorIndex(rng));
        order.userId = userId(rng.below(users));
        order.date = orderDate(index, purchaseOrders, rng);
        double roll = rng.nextDouble();
        order.state = roll < 0.05 ? "draft" : roll < 0.08 ? "sent" : roll < 0.1 ? "cancel"
                : roll < 0.85 ? "purchase" : "done";
        int lineCount = rng.between(1, 8);
        for (int sequence = 1; sequence <= lineCount; sequence++) {
            Product product = product(rng.below(products));
            if (!product.stored()) {
                product = product(product.index() / 10 * 10); // a tracked, storable neighbour: services are not bought
            }
            Line line = new Line();
            line.sequence = sequence * 10;
            line.product = product;
            line.quantity = 5 * rng.between(1, 20);
            line.priceUnit = product.cost();
            addLine(order, line, rng);
        }
        return order;
    }

    private void addLine(Order order, Line line, Rng rng) {
        line.subtotal = Math.round(line.priceUnit * line.quantity * (100 - line.discount) / 100.0);
        line.tax = Math.round(line.subtotal * TAX_PERCENT / 100.0);
        if (line.product.tracking().equals("lot")) {
            line.lotId = lotId(line.product.index(), rng.below(LOTS_PER_TRACKED_PRODUCT));
        }
        order.lines.add(line);
        order.untaxed += line.subtotal;
        order.tax += line.tax;
    }

    /** Money is kept in cents; the database gets it as a decimal. */
    static BigDecimal money(long cents) {
        return BigDecimal.valueOf(cents, 2);
    }
}
