package io.quayside.agent.publish.spool;

import java.util.Locale;

/** Why a spooled batch was thrown away before it was delivered. */
public enum DropReason {
    /** The spool held more bytes than allowed; the oldest batch made room. */
    BYTES,
    /** The batch waited longer than allowed. */
    AGE,
    /** On replay, the receiver refused the batch itself: it would refuse it again. */
    REFUSED,
    /** The file could not be read back as a batch. */
    UNREADABLE;

    /** The name in metrics tags and logs. */
    public String tag() {
        return name().toLowerCase(Locale.ROOT);
    }
}
