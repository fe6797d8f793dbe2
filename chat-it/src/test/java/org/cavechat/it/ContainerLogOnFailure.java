package org.cavechat.it;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * When a test fails, prints the log of every {@link LoggedContainer} held in a field of the test class or
 * instance, so the failure in the report comes with what the daemon said (its connects, joins and leaves
 * with their reasons) or, for a machine under systemd, what its journal says.
 */
final class ContainerLogOnFailure implements TestWatcher {

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        for (LoggedContainer container : containersOf(context.getRequiredTestClass(), context.getTestInstance())) {
            System.out.println("----- log of the container " + container.describe() + " -----");
            System.out.println(container.log());
            System.out.println("----- end of the container log -----");
        }
    }

    private static List<LoggedContainer> containersOf(Class<?> testClass, Optional<Object> instance) {
        List<LoggedContainer> containers = new ArrayList<>();
        for (Field field : testClass.getDeclaredFields()) {
            if (!LoggedContainer.class.isAssignableFrom(field.getType())) {
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
                    containers.add((LoggedContainer) value);
                }
            } catch (IllegalAccessException e) {
                System.out.println("cannot read the container field " + field.getName() + ": " + e);
            }
        }
        return containers;
    }
}
