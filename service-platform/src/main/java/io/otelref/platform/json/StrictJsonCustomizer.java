package io.otelref.platform.json;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.Set;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;

import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * Makes request bodies mean exactly what they say, as their JSON Schema in {@code /q/openapi} says it:
 * {@code "quantity": 2.5}, {@code "quantity": "2"}, {@code "paused": 1} or {@code "currency": 0} is a
 * 400 naming the field, not a silently truncated or converted value. A number with a zero fraction
 * ({@code 2.0}, {@code 1e3}) is an integer, as JSON Schema's {@code "type": "integer"} says.
 */
@Singleton
public class StrictJsonCustomizer implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        mapper.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        mapper.enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
        mapper.coercionConfigFor(LogicalType.Integer).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Float).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        for (CoercionInputShape scalar : new CoercionInputShape[] { CoercionInputShape.Integer, CoercionInputShape.Float,
                CoercionInputShape.Boolean }) {
            mapper.coercionConfigFor(LogicalType.Textual).setCoercion(scalar, CoercionAction.Fail);
        }
        mapper.registerModule(new SimpleModule("integral-numbers").setDeserializerModifier(new BeanDeserializerModifier() {
            @Override
            public JsonDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription description,
                    JsonDeserializer<?> deserializer) {
                Class<?> type = description.getBeanClass();
                return INTEGRAL_TYPES.contains(type) ? new IntegralNumber(deserializer, type) : deserializer;
            }
        }));
    }

    private static final Set<Class<?>> INTEGRAL_TYPES = Set.of(Integer.class, Integer.TYPE, Long.class, Long.TYPE);

    /**
     * Takes a whole number written with a fraction or an exponent for the integer it is; leaves every
     * other value, {@code 2.5} included, to the strict default deserializer, which rejects it.
     */
    private static final class IntegralNumber extends DelegatingDeserializer {

        private final Class<?> type;

        IntegralNumber(JsonDeserializer<?> delegate, Class<?> type) {
            super(delegate);
            this.type = type;
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> newDelegatee) {
            return new IntegralNumber(newDelegatee, type);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.hasToken(JsonToken.VALUE_NUMBER_FLOAT)) {
                BigDecimal value = parser.getDecimalValue();
                if (value.signum() == 0 || value.stripTrailingZeros().scale() <= 0) {
                    try {
                        return type == Long.class || type == Long.TYPE ? (Object) value.longValueExact() : (Object) value.intValueExact();
                    } catch (ArithmeticException outOfRange) {
                        return context.handleWeirdNumberValue(type, value, "is out of range");
                    }
                }
            }
            return super.deserialize(parser, context);
        }
    }
}
