package org.cavechat.it;

/** A container whose log a failing test shows ({@link ContainerLogOnFailure}). */
interface LoggedContainer {

    /** The container's name once created, for the reader of a failure report. */
    String describe();

    /** What the container has logged so far. */
    String log();
}
