package dev.runnel.bus.codec;

import io.quarkus.runtime.annotations.RegisterForReflection;
import org.junit.jupiter.api.Test;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Every record a JSON codec (de)serializes is registered for reflection, so native images can run it. */
class NativeReflectionTest {

    @Test
    void everyControlRecordAndTheRecordsInsideItAreRegistered() {
        Set<Class<?>> registered = Set.of(NativeReflection.class.getAnnotation(RegisterForReflection.class).targets());

        assertThat(registered)
                .as("add new control records to NativeReflection's @RegisterForReflection targets")
                .containsAll(reachableRecords());
    }

    private static Set<Class<?>> reachableRecords() {
        Set<Class<?>> found = new LinkedHashSet<>();
        Deque<Type> todo = new ArrayDeque<>(BusCodecs.CONTROL_RECORDS);
        while (!todo.isEmpty()) {
            Type type = todo.pop();
            if (type instanceof ParameterizedType parameterized) {
                todo.addAll(java.util.List.of(parameterized.getActualTypeArguments()));
            } else if (type instanceof Class<?> c && c.isRecord() && found.add(c)) {
                for (RecordComponent component : c.getRecordComponents()) {
                    todo.push(component.getGenericType());
                }
            }
        }
        return found;
    }
}
