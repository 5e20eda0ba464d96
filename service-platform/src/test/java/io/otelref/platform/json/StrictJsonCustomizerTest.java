package io.otelref.platform.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

class StrictJsonCustomizerTest {

    record Settings(Integer quantity, Long delayMs, int slots, Boolean paused, String currency, BigDecimal amount) {
    }

    private final ObjectMapper json = strict();

    private static ObjectMapper strict() {
        ObjectMapper mapper = new ObjectMapper();
        new StrictJsonCustomizer().customize(mapper);
        return mapper;
    }

    @ParameterizedTest
    @ValueSource(strings = { "2", "2.0", "2.00", "0.2e1", "2e0" })
    void aWholeNumberIsAnIntegerHoweverItIsWritten(String two) throws Exception {
        Settings settings = json.readValue("{\"quantity\":" + two + ",\"delayMs\":" + two + ",\"slots\":" + two + "}", Settings.class);
        assertEquals(2, settings.quantity());
        assertEquals(2L, settings.delayMs());
        assertEquals(2, settings.slots());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"quantity\":2.5}", "{\"quantity\":\"2\"}", "{\"quantity\":true}", "{\"quantity\":3e9}", "{\"quantity\":3000000000}",
            "{\"delayMs\":0.5}", "{\"slots\":null}", "{\"slots\":1.25}",
            "{\"paused\":1}", "{\"paused\":\"true\"}",
            "{\"currency\":0}", "{\"currency\":1.5}", "{\"currency\":false}",
            "{\"amount\":\"25.00\"}" })
    void aValueOfAnotherJsonTypeIsRejected(String body) {
        assertThrows(com.fasterxml.jackson.core.JacksonException.class, () -> json.readValue(body, Settings.class), body);
    }

    @ParameterizedTest
    @ValueSource(strings = { "{\"paused\":2}", "{\"currency\":0}" })
    void aRejectedValueNamesItsField(String body) {
        MismatchedInputException rejected = assertThrows(MismatchedInputException.class, () -> json.readValue(body, Settings.class));
        assertEquals(1, rejected.getPath().size(), body);
    }
}
