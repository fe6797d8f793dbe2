package org.cavechat.it;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * When a test fails, prints the log of every {@link CaveChatContainer} held in a field of the test class or
 * instance, so the failure in the report comes with what the daemon said (its connects, joins and leaves
 * with their reasons).
 */
final class ContainerLogOnFailure implements TestWatcher {

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        for (CaveChatContainer daemon : daemonsOf(context.getRequiredTestClass(), context.getTestInstance())) {
            System.out.println("----- log of the daemon container " + daemon.describe() + " -----");
            System.out.println(daemon.log());
            System.out.println("----- end of the daemon log -----");
        }
    }

    private static List<CaveChatContainer> daemonsOf(Class<?> testClass, Optional<Object> instance) {
        List<CaveChatContainer> daemons = new ArrayList<>();
        for (Field field : testClass.getDeclaredFields()) {
            if (!CaveChatContainer.class.isAssignableFrom(field.getType())) {
                continue;
            }
            boolean isStatic = Modifier.isStatic(field.getModifiers());
            if (!isStatic && instance.isEmpty()) {
                continue;
            }
            field.setAccessible(true);
            try {
                Object value = field.get(isStatic ? null : instance.get());
                if (value != null) {
                    daemons.add((CaveChatContainer) value);
                }
            } catch (IllegalAccessException e) {
                System.out.println("cannot read the daemon field " + field.getName() + ": " + e);
            }
        }
        return daemons;
    }
}
