package io.rowferry.internal;

import io.rowferry.ErrorKind;
import io.rowferry.Row;
import io.rowferry.RowSchema;
import io.rowferry.RowferryException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Maps rows to records (by canonical constructor) or to classes with a no-argument constructor (by field), matching
 * column names case-insensitively and ignoring underscores. Resolved once per stream; every row then costs only
 * the value conversions. Numbers widen or narrow only when the value fits exactly.
 */
public final class RecordMapper {
    private RecordMapper() {}

    public static <T> Function<Row, T> forType(Class<T> type, RowSchema schema) {
        return type.isRecord() ? forRecord(type, schema) : forBean(type, schema);
    }

    private static <T> Function<Row, T> forRecord(Class<T> type, RowSchema schema) {
        RecordComponent[] components = type.getRecordComponents();
        Class<?>[] types = new Class<?>[components.length];
        int[] columns = new int[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            columns[i] = column(schema, components[i].getName(), type);
        }
        Constructor<T> constructor;
        try {
            constructor = type.getDeclaredConstructor(types);
            constructor.setAccessible(true);
        } catch (ReflectiveOperationException e) {
            throw new RowferryException(ErrorKind.USAGE, "cannot use the constructor of record " + type.getName(), e);
        }
        return row -> {
            Object[] arguments = new Object[columns.length];
            for (int i = 0; i < columns.length; i++) {
                arguments[i] = convert(row.get(columns[i]), types[i], components[i].getName());
            }
            try {
                return constructor.newInstance(arguments);
            } catch (ReflectiveOperationException e) {
                throw new RowferryException(ErrorKind.DATA, "cannot create " + type.getSimpleName() + " from " + row, e);
            }
        };
    }

    private static <T> Function<Row, T> forBean(Class<T> type, RowSchema schema) {
        Constructor<T> constructor;
        try {
            constructor = type.getDeclaredConstructor();
            constructor.setAccessible(true);
        } catch (ReflectiveOperationException e) {
            throw new RowferryException(ErrorKind.USAGE,
                    type.getName() + " needs a no-argument constructor (or make it a record)", e);
        }
        List<Field> fields = new ArrayList<>();
        List<Integer> columns = new ArrayList<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers()) || Modifier.isTransient(field.getModifiers())) {
                    continue;
                }
                int index = schema.indexOf(normalize(field.getName()), true);
                if (index >= 0) {
                    field.setAccessible(true);
                    fields.add(field);
                    columns.add(index);
                }
            }
        }
        if (fields.isEmpty()) {
            throw new RowferryException(ErrorKind.USAGE,
                    "no field of " + type.getName() + " matches a column of " + schema);
        }
        return row -> {
            try {
                T bean = constructor.newInstance();
                for (int i = 0; i < fields.size(); i++) {
                    Field field = fields.get(i);
                    Object value = convert(row.get(columns.get(i)), field.getType(), field.getName());
                    if (value != null || !field.getType().isPrimitive()) {
                        field.set(bean, value);
                    }
                }
                return bean;
            } catch (ReflectiveOperationException e) {
                throw new RowferryException(ErrorKind.DATA, "cannot create " + type.getSimpleName() + " from " + row, e);
            }
        };
    }

    private static int column(RowSchema schema, String property, Class<?> type) {
        int index = schema.indexOf(normalize(property), true);
        if (index < 0) {
            throw new RowferryException(ErrorKind.NOT_FOUND, "no column for " + type.getSimpleName() + "." + property
                    + " among " + schema);
        }
        return index;
    }

    static String normalize(String name) {
        return name.replace("_", "").toLowerCase(Locale.ROOT);
    }

    private static Object convert(Object value, Class<?> target, String property) {
        if (value == null) {
            if (target.isPrimitive()) {
                throw new RowferryException(ErrorKind.DATA, "NULL for primitive property " + property);
            }
            return null;
        }
        Class<?> boxed = box(target);
        if (boxed.isInstance(value)) {
            return value;
        }
        if (value instanceof Number number) {
            BigDecimal exact = number instanceof BigDecimal d ? d
                    : number instanceof BigInteger i ? new BigDecimal(i)
                    : (number instanceof Double || number instanceof Float) ? BigDecimal.valueOf(number.doubleValue())
                    : BigDecimal.valueOf(number.longValue());
            try {
                if (boxed == Long.class) {
                    return exact.longValueExact();
                }
                if (boxed == Integer.class) {
                    return exact.intValueExact();
                }
                if (boxed == Short.class) {
                    return exact.shortValueExact();
                }
                if (boxed == Byte.class) {
                    return exact.byteValueExact();
                }
                if (boxed == BigDecimal.class) {
                    return exact;
                }
                if (boxed == BigInteger.class) {
                    return exact.toBigIntegerExact();
                }
                if (boxed == Double.class) {
                    return number.doubleValue();
                }
                if (boxed == Float.class) {
                    return number.floatValue();
                }
                if (boxed == Boolean.class) {
                    return exact.signum() != 0;
                }
            } catch (ArithmeticException e) {
                throw new RowferryException(ErrorKind.DATA, "value " + value + " does not fit " + target.getSimpleName()
                        + " property " + property, e);
            }
        }
        if (boxed == String.class) {
            return value.toString();
        }
        throw new RowferryException(ErrorKind.DATA, "cannot put a " + value.getClass().getSimpleName()
                + " into " + target.getSimpleName() + " property " + property);
    }

    private static Class<?> box(Class<?> type) {
        if (!type.isPrimitive()) {
            return type;
        }
        if (type == int.class) {
            return Integer.class;
        }
        if (type == long.class) {
            return Long.class;
        }
        if (type == double.class) {
            return Double.class;
        }
        if (type == float.class) {
            return Float.class;
        }
        if (type == boolean.class) {
            return Boolean.class;
        }
        if (type == short.class) {
            return Short.class;
        }
        if (type == byte.class) {
            return Byte.class;
        }
        return Character.class;
    }
}
