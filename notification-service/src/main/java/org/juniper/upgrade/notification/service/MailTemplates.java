package org.juniper.upgrade.notification.service;

/** The mails' text: short, with the one thing the requester has to do next. */
final class MailTemplates {
    private MailTemplates() {
    }

    static String success(String database, String from, String to, String what, String link, String reportLink,
            String requestId) {
        return page("Your " + esc(what) + " is ready", "<p>The upgrade of <b>" + esc(database) + "</b> from "
                + esc(from) + " to " + esc(to) + " succeeded.</p>"
                + "<p><a href=\"" + esc(link) + "\" style=\"" + BUTTON + "\">Download the archive</a></p>"
                + "<p>The link asks for the secret you received when you created the request (send it as "
                + "<code>Authorization: Bearer &lt;secret&gt;</code>, or add <code>?token=&lt;secret&gt;</code>).</p>"
                + "<p>The upgrade report is attached and also at <a href=\"" + esc(reportLink) + "\">"
                + esc(reportLink) + "</a>. Test the points of its checklist before you go live.</p>", requestId);
    }

    static String plainSuccess(String database, String to, String link, String reportLink) {
        return "The upgrade of " + database + " to " + to + " succeeded.\nDownload: " + link + "\nReport: " + reportLink
                + "\nThe link asks for the secret you received when you created the request.\n";
    }

    static String failure(String database, String to, String stage, String reason, String message, String requestId) {
        return page("The upgrade failed", "<p>The upgrade of <b>" + esc(database) + "</b> to " + esc(to)
                + " stopped during <b>" + esc(stage) + "</b>.</p><p><b>" + esc(reason) + "</b>: " + esc(message)
                + "</p><p>Nothing was changed in your database. Fix the cause and submit a new request, or reply "
                + "to this mail with the request id below.</p>", requestId);
    }

    private static final String BUTTON = "display:inline-block;padding:10px 18px;background:#2f5d3a;color:#fff;"
            + "text-decoration:none;border-radius:4px";

    private static String page(String title, String body, String requestId) {
        return "<!DOCTYPE html><html><body style=\"font-family:Helvetica,Arial,sans-serif;color:#1f2933\">"
                + "<h2 style=\"color:#2f5d3a\">" + esc(title) + "</h2>" + body
                + "<p style=\"color:#9aa5b1;font-size:12px\">Request " + esc(requestId) + "</p></body></html>";
    }

    private static String esc(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("\"", "&quot;");
    }
}
