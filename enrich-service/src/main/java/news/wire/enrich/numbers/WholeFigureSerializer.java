package news.wire.enrich.numbers;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;

/** Writes whole figures without a fraction ("1000000", not "1000000.0"), as readers and indexes expect a count. */
public class WholeFigureSerializer extends StdSerializer<Double> {

    /** Beyond 2^53 a double no longer holds every integer, so larger values keep the double form. */
    private static final double EXACT_LIMIT = 9.007199254740992E15;

    public WholeFigureSerializer() {
        super(Double.class);
    }

    @Override
    public void serialize(Double value, JsonGenerator out, SerializerProvider provider) throws IOException {
        double v = value;
        if (v == Math.rint(v) && Math.abs(v) < EXACT_LIMIT) {
            out.writeNumber((long) v);
        } else {
            out.writeNumber(v);
        }
    }
}
