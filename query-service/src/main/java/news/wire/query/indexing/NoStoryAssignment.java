package news.wire.query.indexing;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.arc.DefaultBean;

/** Leaves articles without a story until a real {@link ArticleBatchListener} is deployed. */
@DefaultBean
@ApplicationScoped
public class NoStoryAssignment implements ArticleBatchListener {

    @Override
    public List<ObjectNode> beforeIndexing(List<ObjectNode> articles) {
        return articles;
    }
}
