package org.cavechat.it;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Future;
import org.testcontainers.images.builder.ImageFromDockerfile;

/**
 * The daemon's image, built once per test JVM from the build context that {@code ./mvnw package} assembles
 * in {@code chat-it/target/docker} (the same context README's "Container image" builds for production).
 * The files are copied into the build, never mounted; the image keeps its fixed name after the run so that
 * a developer can inspect it, and Docker's layer cache makes the next build cheap.
 */
final class CaveChatImage {
    static final String NAME = "cavechat/chat-daemon:it";
    private static final String CONTEXT_PROPERTY = "cavechat.image.context";
    private static final ImageFromDockerfile SHARED = build(context());

    private CaveChatImage() {}

    /** The image's name once built; building happens on the first call and only then. */
    static Future<String> shared() {
        return SHARED;
    }

    /** The assembled build context; a clear error when the build did not assemble it. */
    static Path context() {
        String configured = System.getProperty(CONTEXT_PROPERTY, "target/docker");
        return Path.of(configured).toAbsolutePath();
    }

    private static ImageFromDockerfile build(Path context) {
        if (!Files.isRegularFile(context.resolve("Dockerfile"))) {
            throw new IllegalStateException("No image build context at " + context
                    + ": run `./mvnw package` first (chat-it assembles it at package time, on Linux)");
        }
        return new ImageFromDockerfile(NAME, false)
                .withFileFromPath("Dockerfile", context.resolve("Dockerfile"))
                .withFileFromPath("rootfs", context.resolve("rootfs"))
                .withFileFromPath("tmp", context.resolve("tmp"));
    }
}
