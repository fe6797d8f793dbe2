package org.cavechat.bots;

/** The verdict on one script: passed when {@code failedStep} is null. */
record ScriptResult(Script script, int stepsPassed, Step failedStep, Mismatch mismatch) {

    static ScriptResult passed(Script script) {
        return new ScriptResult(script, script.steps().size(), null, null);
    }

    boolean passed() {
        return failedStep == null;
    }
}
