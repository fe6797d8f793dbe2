package org.cavechat.bots;

import picocli.CommandLine.IVersionProvider;

/** The version written into the runnable jar's manifest at package time. */
final class VersionProvider implements IVersionProvider {

    @Override
    public String[] getVersion() {
        String version = Main.class.getPackage().getImplementationVersion();
        return new String[] {"chat-bots " + (version == null ? "(development build)" : version)};
    }
}
