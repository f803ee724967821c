package dev.keycard.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.keycard.pipeline.InputRequest;
import dev.keycard.remediation.Remedies;
import dev.keycard.report.Evaluation;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.function.Supplier;

/**
 * Recent answers of {@code /v1/evaluate}, so that a text sent again (an IDE re-checking a file on
 * save, a CI pipeline re-run on the same compose file) is not parsed, evaluated and proven again.
 * An answer is a pure function of the request's content, the rule set (loaded once, at start-up)
 * and the day (waivers expire by date), and that is the whole key: equal content, not a hash, so
 * two texts can never share an answer. A cached answer is still a decision of its own: a new
 * decision id, a decision-log line and the counters (see {@link
 * dev.keycard.pipeline.EvaluationService#again}). An answer is kept from the second time its
 * request comes (see {@link #seen}). Bounded by estimated memory ({@code keycard.cache.max-size}, 0
 * turns it off) and idle time.
 */
@ApplicationScoped
public class AnswerCache {
  /** What an answer depends on besides the loaded rule sets. */
  record Key(
      InputRequest input,
      String ruleset,
      JsonNode rules,
      JsonNode exclude,
      String failOn,
      LocalDate day) {
    static Key of(ApiRequest r) {
      return new Key(
          r.input(),
          r.ruleset(),
          r.rules(),
          r.exclude(),
          r.failOn(),
          LocalDate.now(ZoneOffset.UTC));
    }
  }

  /** One evaluation and, once a view asked for them, its verified fixes. */
  static final class Answer {
    private final Evaluation evaluation;
    private Remedies remedies;

    Answer(Evaluation evaluation) {
      this.evaluation = evaluation;
    }

    Evaluation evaluation() {
      return evaluation;
    }

    /** The fixes, proven once per answer (concurrent askers wait for the first). */
    synchronized Remedies remedies(Supplier<Remedies> prove) {
      if (remedies == null) {
        remedies = prove.get();
      }
      return remedies;
    }
  }

  /*
   * Estimated memory of an entry, set a little above what was measured (retained heap of 300
   * answers with their fixes: 38 KB for a 799-character compose with 31 findings, 21 KB for a
   * 562-character one with 16): a fixed part, the text as held by the request, the parsed document
   * and the located model, and each finding with its fix.
   */
  private static final int ENTRY_BYTES = 4_096;
  private static final int BYTES_PER_CHAR = 16;
  private static final int FINDING_BYTES = 1_024;

  /** How many recently seen requests the admission filter remembers (by hash only). */
  private static final int SEEN = 8_192;

  private final Cache<Key, Answer> cache;

  /**
   * Hashes of requests seen once: an answer is kept only when its request comes a second time, so a
   * stream of texts sent once each (an editor's every keystroke, a load of distinct documents) does
   * not fill the heap with answers that live just long enough to be promoted and then die. A hash
   * collision only admits an answer early; it can never serve a wrong one.
   *
   * <p>A direct-mapped table of {@link #SEEN} hashes: a request's slot holds its hash until another
   * request's takes it over. Races between threads only admit an answer early or late. (A Caffeine
   * cache here cost ~1.6% of the CPU with every text distinct: one write and its upkeep per
   * request.)
   */
  private final AtomicIntegerArray seen;

  private final Counter hits;
  private final Counter misses;

  /**
   * The cache does its upkeep (eviction, expiry) on the request thread that triggers it, rather
   * than waking a thread of the common fork-join pool for it.
   */
  public AnswerCache(AnswerCacheConfig config, MeterRegistry registry) {
    long max = config.maxSize().asLongValue();
    this.cache =
        max <= 0
            ? null
            : Caffeine.newBuilder()
                .maximumWeight(max)
                .weigher(AnswerCache::weight)
                .expireAfterAccess(config.idle())
                .executor(Runnable::run)
                .build();
    this.seen = max <= 0 ? null : new AtomicIntegerArray(SEEN);
    this.hits = counter(registry, "hit");
    this.misses = counter(registry, "miss");
  }

  private static Counter counter(MeterRegistry registry, String result) {
    return Counter.builder("keycard.answer.cache")
        .description("Evaluate requests answered from the answer cache (hit) or evaluated (miss)")
        .tag("result", result)
        .register(registry);
  }

  /** The earlier answer to the same request today, if it is still cached. */
  Answer find(Key key) {
    Answer a = cache == null ? null : cache.getIfPresent(key);
    (a == null ? misses : hits).increment();
    return a;
  }

  /** Keeps an answer for later identical requests if this request was seen before; returns it. */
  Answer keep(Key key, Evaluation e) {
    Answer a = new Answer(e);
    if (cache != null) {
      if (seenBefore(key.hashCode())) {
        cache.put(key, a);
      }
    }
    return a;
  }

  /**
   * Whether this hash was the last one in its slot (then the slot is cleared: the answer is kept
   * from now on); otherwise the hash takes the slot.
   */
  private boolean seenBefore(int hash) {
    int h = hash == 0 ? 1 : hash; // 0 marks an empty slot
    int slot = (h ^ (h >>> 16)) & (SEEN - 1);
    if (seen.get(slot) == h) {
      seen.set(slot, 0);
      return true;
    }
    seen.set(slot, h);
    return false;
  }

  private static int weight(Key k, Answer a) {
    long chars = k.input().text().length();
    for (String f : k.input().files().values()) {
      chars += f.length();
    }
    Evaluation e = a.evaluation();
    long bytes =
        ENTRY_BYTES
            + BYTES_PER_CHAR * chars
            + (long) FINDING_BYTES * (e.findings().size() + e.suppressed().size());
    return (int) Math.min(Integer.MAX_VALUE, bytes);
  }
}
