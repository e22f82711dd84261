package news.wire.enrich.enrichment;

import java.util.function.Supplier;

/** Times each engine's share of an enrichment; programs that only need the output use {@link #NONE}. */
public interface EngineTimer {

    /** Times nothing. */
    EngineTimer NONE = new EngineTimer() {
        @Override
        public <T> T time(String engine, Supplier<T> work) {
            return work.get();
        }
    };

    /** Runs the work of the named engine (entities, numbers or dates) and records how long it took. */
    <T> T time(String engine, Supplier<T> work);
}
