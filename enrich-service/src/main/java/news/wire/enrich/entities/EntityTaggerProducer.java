package news.wire.enrich.entities;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import io.quarkus.runtime.Startup;
import news.wire.enrich.config.EnrichConfig;

/** Picks the entity engine named in configuration, so engines can be swapped without code changes. */
public class EntityTaggerProducer {

    // Loaded at start-up, so the first article does not wait for the model and a missing model fails fast.
    @Produces
    @ApplicationScoped
    @Startup
    EntityTagger entityTagger(EnrichConfig config) {
        return switch (config.entities().engine()) {
            case "corenlp-crf" -> new CrfEntityTagger();
            case "capitalised-names" -> new CapitalisedNameTagger();
            default -> throw new IllegalArgumentException("Unknown enrich.entities.engine '"
                    + config.entities().engine() + "': use corenlp-crf or capitalised-names");
        };
    }
}
