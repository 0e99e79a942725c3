-- Whether a ledger row was matched through the subscription's own email address. A subscriber proves
-- only that address (double opt-in); a phone number, ID number or username typed beside it may be
-- anyone's. So a breach that the public check does not name (a sensitive one, say) is named to a
-- subscriber only when their verified address itself is in it; through another identifier it is not
-- recorded at all, and a row recorded for a public breach is shown only while that breach stays public.
--
-- Rows recorded before this column existed cannot tell which identifier matched: they count as matched
-- through another identifier, so that no sensitive breach is ever named on a match nobody proved.
ALTER TABLE notify_alert ADD COLUMN through_email boolean NOT NULL DEFAULT false;
ALTER TABLE notify_alert ALTER COLUMN through_email DROP DEFAULT;
