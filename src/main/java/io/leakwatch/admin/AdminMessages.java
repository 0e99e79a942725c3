package io.leakwatch.admin;

import io.leakwatch.admin.audit.AuditAction;
import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The admin area's words, in {@code messages/admin_en.properties} and {@code admin_zh.properties}: its
 * navigation and notices, the account, token, audit, notification and sign-in pages. Templates use them
 * as {@code {admin:key}}. Sentences of refusal that services give (a password too short, a breach's bad
 * field) stay in English: the API gives the same ones.
 */
@MessageBundle(value = "admin", locale = "en")
public interface AdminMessages {

    @Message
    String navigationLabel();

    @Message
    String navigation(AdminSection value);

    @Message
    String signedInAs();

    @Message
    String signOut();

    @Message
    String notice(AdminNotice value);

    @Message
    String timeZoneNote();

    @Message
    String homeTitle();

    @Message
    String homeBreaches();

    @Message
    String homeAccounts();

    @Message
    String homeTokens();

    @Message
    String homeAudit();

    @Message
    String homeNotifications();

    @Message
    String homePassword();

    @Message
    String columnName();

    @Message
    String columnStatus();

    @Message
    String accountsTitle();

    @Message
    String columnUsername();

    @Message
    String columnAdded();

    @Message
    String columnAddedBy();

    @Message
    String columnAction();

    @Message
    String accountEnabled();

    @Message
    String accountDisabled();

    @Message
    String disableButton(String username);

    @Message
    String enableButton(String username);

    @Message
    String you();

    @Message
    String addAdminHeading();

    @Message
    String fieldUsername();

    @Message
    String fieldNewAdminPassword();

    @Message
    String addAdminButton();

    @Message
    String passwordTitle();

    @Message
    String fieldCurrentPassword();

    @Message
    String fieldNewPassword();

    @Message
    String fieldRepeatedPassword();

    @Message
    String changePasswordButton();

    @Message
    String passwordsDiffer();

    @Message
    String tokensTitle();

    @Message
    String tokensIntro();

    @Message
    String columnOwner();

    @Message
    String columnCreated();

    @Message
    String columnLastUsed();

    @Message
    String never();

    @Message
    String revokeButton(String name);

    @Message
    String revoked();

    @Message
    String noTokens();

    @Message
    String createTokenHeading();

    @Message
    String fieldTokenName();

    @Message
    String createTokenButton();

    @Message
    String createdTitle(String name);

    @Message
    String copyNow();

    @Message
    String backToTokens();

    @Message
    String auditTitle();

    @Message
    String auditShow();

    @Message
    String everyAction();

    @Message
    String auditLatest(String pageSize);

    @Message
    String auditOlder(String pageSize);

    @Message
    String auditRepeats();

    @Message
    String columnWhen();

    @Message
    String columnTimes();

    @Message
    String columnWho();

    @Message
    String columnWhat();

    @Message
    String columnOn();

    @Message
    String columnFrom();

    @Message
    String noEvents();

    @Message
    String olderEvents();

    @Message
    String auditAction(AuditAction value);

    @Message
    String notificationsTitle();

    @Message
    String alertsOff();

    @Message
    String overviewLabel();

    @Message
    String subscriptionsVerified();

    @Message
    String subscriptionsUnverified();

    @Message
    String monitoredIdentifiers();

    @Message
    String uploadsAwaiting();

    @Message
    String mailsPending();

    @Message
    String mailsRetrying();

    @Message
    String mailsFailed();

    @Message
    String mailsSent();

    @Message
    String troublesHeading();

    @Message
    String troublesIntro(String shown);

    @Message
    String noTroubles();

    @Message
    String columnMail();

    @Message
    String columnKind();

    @Message
    String columnAttempts();

    @Message
    String columnQueued();

    @Message
    String columnNextAttempt();

    @Message
    String columnLastError();

    @Message
    String retryButton();

    @Message
    String signInTitle();

    @Message
    String fieldPassword();

    @Message
    String signInButton();

    @Message
    String signInFailed();

    @Message
    String signInThrottled(String wait);

    @Message
    String oneSecond();

    @Message
    String seconds(String count);

    @Message
    String minutes(String count);
}
