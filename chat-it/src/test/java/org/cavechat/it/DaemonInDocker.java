package org.cavechat.it;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * Marks a test class that runs the daemon in Docker: it needs Docker ({@link DockerRequirement}), its
 * {@code @Container} fields are started and stopped by Testcontainers, and a failing test prints the daemon's
 * log ({@link ContainerLogOnFailure}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(DockerRequirement.class)
@ExtendWith(ContainerLogOnFailure.class)
@Testcontainers
@interface DaemonInDocker {}
