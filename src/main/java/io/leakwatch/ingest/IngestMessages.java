package io.leakwatch.ingest;

import io.leakwatch.breach.Breach;
import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The words of the admin pages for loading breaches (the breaches, a breach, an upload, the
 * confirmations of removing, discarding and cancelling), in {@code messages/ingest_en.properties} and
 * {@code ingest_zh.properties}; templates use them as {@code {ingest:key}}.
 */
@MessageBundle(value = "ingest", locale = "en")
public interface IngestMessages {

    @Message
    String breachesTitle();

    @Message
    String columnName();

    @Message
    String columnTitle();

    @Message
    String columnStatus();

    @Message
    String columnAccounts();

    @Message
    String breachStatus(Breach.Status value);

    @Message
    String noBreaches();

    @Message
    String addBreachHeading();

    @Message
    String fieldName();

    @Message
    String fieldTitle();

    @Message
    String fieldDomain();

    @Message
    String fieldBreachDate();

    @Message
    String fieldDescription();

    @Message
    String fieldTitleZh();

    @Message
    String fieldDescriptionZh();

    @Message
    String fieldDataClasses();

    @Message
    String fieldVerified();

    @Message
    String fieldSensitive();

    @Message
    String fieldFabricated();

    @Message
    String addBreachButton();

    @Message
    String badBreachDate();

    @Message
    String breachFacts(String name, String status, String accounts);

    @Message
    String uploadsHeading();

    @Message
    String columnUploaded();

    @Message
    String columnFormat();

    @Message
    String columnState();

    @Message
    String columnLinesAccepted();

    @Message
    String noUploads();

    @Message
    String uploadFileHeading();

    @Message
    String fieldFile();

    @Message
    String fieldFormat();

    @Message
    String format(IngestFormat value);

    @Message
    String fieldTarget();

    @Message
    String target(IngestTarget value);

    @Message
    String fieldType();

    @Message
    String typeEmail();

    @Message
    String typePhone();

    @Message
    String typeNationalId();

    @Message
    String typeUsername();

    @Message
    String uploadButton();

    @Message
    String uploadProgress(String percent);

    @Message
    String uploadInterrupted();

    @Message
    String uploadRefused(String status);

    @Message
    String uploadNeedsJavaScript();

    @Message
    String removeHeading();

    @Message
    String removeButton(String name);

    @Message
    String uploadTitle();

    @Message
    String factBreach();

    @Message
    String factUploaded();

    @Message
    String factState();

    @Message
    String factFormat();

    @Message
    String factFile();

    @Message
    String fileProgress(String size, String read);

    @Message
    String factLinesRead();

    @Message
    String factRate();

    @Message
    String factTimeLeft();

    @Message
    String aboutSeconds(String seconds);

    @Message
    String factLinesAccepted();

    @Message
    String factDuplicates();

    @Message
    String factEntries();

    @Message
    String factError();

    @Message
    String refreshes();

    @Message
    String uploadState(UploadState value);

    @Message
    String rejectedHeading();

    @Message
    String columnReason();

    @Message
    String columnLines();

    @Message
    String noRejected();

    @Message
    String firstRejected();

    @Message
    String publishButton();

    @Message
    String discardButton();

    @Message
    String cancelButton();

    @Message
    String confirmBack();

    @Message
    String confirmIrreversible();

    @Message
    String removeConfirmTitle(String name);

    @Message
    String removeConfirmIndex(String accounts);

    @Message
    String removeConfirmCatalogue();

    @Message
    String removeConfirmPasswords();

    @Message
    String removeConfirmButton(String name);

    @Message
    String discardConfirmTitle();

    @Message
    String discardConfirmStaged(String entries, String accepted);

    @Message
    String confirmIndexUnchanged();

    @Message
    String discardConfirmButton();

    @Message
    String cancelConfirmTitle();

    @Message
    String cancelConfirmStaging();

    @Message
    String cancelConfirmButton();
}
