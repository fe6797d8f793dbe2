package org.cavechat.it;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.testcontainers.DockerClientFactory;

/**
 * Runs the integration tests where Docker answers. On a developer machine without Docker they are skipped
 * with a message saying so; in CI (environment variable {@code CI} set, as {@code .ci/run} does) a missing
 * Docker fails the build instead, because a skipped integration test there would prove nothing.
 */
final class DockerRequirement implements ExecutionCondition {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (DockerClientFactory.instance().isDockerAvailable()) {
            return ConditionEvaluationResult.enabled("Docker is available");
        }
        if (inContinuousIntegration()) {
            throw new IllegalStateException("CI is set but no Docker engine answers, so the integration tests "
                    + "cannot run. .ci/run installs and starts one (docker.io, dockerd).");
        }
        String reason = "SKIPPED " + context.getDisplayName() + ": no Docker engine answers on this machine, so "
                + "chat-it's integration tests do not run here. CI runs them (see .ci/run).";
        // Failsafe keeps skip reasons in its report files only; a developer should see this one at once.
        System.out.println(reason);
        return ConditionEvaluationResult.disabled(reason);
    }

    /** True where the environment variable {@code CI} is set (and not "false"), as {@code .ci/run} sets it. */
    static boolean inContinuousIntegration() {
        String ci = System.getenv("CI");
        return ci != null && !ci.isBlank() && !ci.equalsIgnoreCase("false");
    }
}
