package io.leakwatch.notify;

import io.leakwatch.web.Language;
import io.leakwatch.breach.BreachView;
import io.leakwatch.explain.ExposureBrief;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MailTemplate.MailTemplateInstance;
import io.quarkus.qute.CheckedTemplate;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.List;

/**
 * The mails of notifications, HTML and plain text, in English or Chinese (one template folder per
 * language: the sentences are written for each language, not assembled from fragments). Every mail
 * carries the unsubscribe link, in its text and in the {@code List-Unsubscribe} headers of RFC 2369
 * and RFC 8058 (one-click). No mail loads anything remote: no images, no tracking.
 */
@ApplicationScoped
public class NotificationMails {

    /** What every mail ends with. */
    public record Footer(String unsubscribeUrl) {
    }

    public record VerificationMail(String confirmUrl, long validHours, Footer footer) {
    }

    public record AlreadySubscribedMail(String reportUrl, long validHours, Footer footer) {
    }

    public record WelcomeMail(List<BreachView> breaches, String reportUrl, long validHours, Footer footer) {
    }

    public record AlertMail(BreachView breach, List<ExposureBrief> exposures, String reportUrl, long validHours,
                            Footer footer) {
    }

    @CheckedTemplate(basePath = "NotificationMails/en")
    static class English {
        static native MailTemplateInstance verification(VerificationMail mail);

        static native MailTemplateInstance alreadySubscribed(AlreadySubscribedMail mail);

        static native MailTemplateInstance welcome(WelcomeMail mail);

        static native MailTemplateInstance alert(AlertMail mail);
    }

    @CheckedTemplate(basePath = "NotificationMails/zh")
    static class Chinese {
        static native MailTemplateInstance verification(VerificationMail mail);

        static native MailTemplateInstance alreadySubscribed(AlreadySubscribedMail mail);

        static native MailTemplateInstance welcome(WelcomeMail mail);

        static native MailTemplateInstance alert(AlertMail mail);
    }

    public MailTemplateInstance verification(Subscription to, String confirmUrl, Duration validFor, String unsubscribeUrl) {
        VerificationMail mail = new VerificationMail(confirmUrl, validFor.toHours(), new Footer(unsubscribeUrl));
        return addressed(to, unsubscribeUrl, to.language() == Language.CHINESE
                ? Chinese.verification(mail) : English.verification(mail),
                to.language() == Language.CHINESE ? "请确认订阅 Leakwatch 泄露提醒" : "Confirm your Leakwatch breach alerts");
    }

    public MailTemplateInstance alreadySubscribed(Subscription to, String reportUrl, Duration validFor, String unsubscribeUrl) {
        AlreadySubscribedMail mail = new AlreadySubscribedMail(reportUrl, validFor.toHours(), new Footer(unsubscribeUrl));
        return addressed(to, unsubscribeUrl, to.language() == Language.CHINESE
                ? Chinese.alreadySubscribed(mail) : English.alreadySubscribed(mail),
                to.language() == Language.CHINESE ? "您已订阅 Leakwatch 泄露提醒" : "You are already subscribed to Leakwatch breach alerts");
    }

    public MailTemplateInstance welcome(Subscription to, List<BreachView> breaches, String reportUrl, Duration validFor,
                                        String unsubscribeUrl) {
        WelcomeMail mail = new WelcomeMail(breaches, reportUrl, validFor.toHours(), new Footer(unsubscribeUrl));
        return addressed(to, unsubscribeUrl, to.language() == Language.CHINESE ? Chinese.welcome(mail) : English.welcome(mail),
                to.language() == Language.CHINESE ? "Leakwatch 泄露提醒已开启" : "Your Leakwatch breach alerts are on");
    }

    public MailTemplateInstance alert(Subscription to, ToldBreach told, String reportUrl, Duration validFor, String unsubscribeUrl) {
        AlertMail mail = new AlertMail(told.breach(), told.exposures(), reportUrl, validFor.toHours(), new Footer(unsubscribeUrl));
        return addressed(to, unsubscribeUrl, to.language() == Language.CHINESE ? Chinese.alert(mail) : English.alert(mail),
                alertSubject(told.breach(), to.language()));
    }

    /**
     * The subject of an alert. A sensitive breach is not named in it: subjects show on lock screens and
     * in shared mailboxes.
     */
    static String alertSubject(BreachView breach, Language language) {
        if (language == Language.CHINESE) {
            return breach.sensitive() ? "您的信息出现在新公布的一起敏感数据泄露中" : "您的信息出现在新的数据泄露中：" + breach.title();
        }
        return breach.sensitive() ? "Your data is in a newly published sensitive breach" : "Your data is in a new breach: " + breach.title();
    }

    private static MailTemplateInstance addressed(Subscription to, String unsubscribeUrl, MailTemplateInstance template,
                                                  String subject) {
        Mail mail = new Mail()
                .addTo(to.email())
                .setSubject(MailSubject.of(subject))
                .addHeader("List-Unsubscribe", "<" + unsubscribeUrl + ">")
                .addHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click")
                .addHeader("Auto-Submitted", "auto-generated");
        return template.mail(mail);
    }
}
