package org.audotics.http.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import java.io.IOException;
import org.audotics.http.api.TextRule;

/**
 * Every string field of every JSON body: only a JSON string is accepted (Jackson would turn
 * {@code "name": true} or {@code "name": 7} into {@code "true"} and {@code "7"}), and the string must
 * follow the {@link TextRule}. Failures name the rule; {@link JsonExceptionMapper} adds the field.
 */
final class StrictTextDeserializer extends StdScalarDeserializer<String> {

    private static final long serialVersionUID = 1L;

    StrictTextDeserializer() {
        super(String.class);
    }

    @Override
    public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        if (!parser.hasToken(JsonToken.VALUE_STRING)) {
            throw new TextFieldException(parser, "must be a string", null);
        }
        String text = parser.getText();
        String problem = TextRule.problem(text).orElse(null);
        if (problem != null) {
            throw new TextFieldException(parser, problem, text);
        }
        return text;
    }

    /** A string field refused by this deserializer; its message is for the client, without the field's name. */
    static final class TextFieldException extends InvalidFormatException {

        private static final long serialVersionUID = 1L;

        TextFieldException(JsonParser parser, String problem, String value) {
            super(parser, problem, value, String.class);
        }

        /** What is wrong with the value, e.g. "must be a string". */
        String problem() {
            return getOriginalMessage();
        }
    }

}
