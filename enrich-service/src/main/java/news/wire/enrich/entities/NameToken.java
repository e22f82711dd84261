package news.wire.enrich.entities;

/** One token of a tagged name run, with its offsets [start, end) in the field it came from. */
record NameToken(String word, int start, int end) {
}
