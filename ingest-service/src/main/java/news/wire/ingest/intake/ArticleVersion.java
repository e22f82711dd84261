package news.wire.ingest.intake;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Sort;

/** One accepted change of an article: its creation, a new version, or its withdrawal. */
@Entity
@Table(name = "article_version")
@IdClass(ArticleVersion.Key.class)
public class ArticleVersion extends PanacheEntityBase {

    @Id
    @Column(name = "article_id")
    public UUID articleId;

    @Id
    public int version;

    @Column(name = "content_hash")
    public String contentHash;

    public String headline;

    @Column(name = "provider_version")
    public Integer providerVersion;

    @Enumerated(EnumType.STRING)
    public IntakeOutcome change;

    @Column(name = "received_at")
    public Instant receivedAt;

    /** Composite key: article and version. */
    public static class Key implements Serializable {
        public UUID articleId;
        public int version;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.articleId.equals(articleId) && k.version == version;
        }

        @Override
        public int hashCode() {
            return articleId.hashCode() * 31 + version;
        }
    }

    public static List<ArticleVersion> of(UUID articleId) {
        return list("articleId", Sort.by("version"), articleId);
    }
}
