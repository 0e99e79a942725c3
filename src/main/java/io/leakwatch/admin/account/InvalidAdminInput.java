package io.leakwatch.admin.account;

/** A form value the admin pages refuse, with a message meant for the person who typed it. */
public class InvalidAdminInput extends RuntimeException {

    public InvalidAdminInput(String message) {
        super(message, null, false, false);
    }
}
