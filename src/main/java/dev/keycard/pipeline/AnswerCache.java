package dev.keycard.pipeline;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.keycard.budget.Budget;
import dev.keycard.budget.BudgetExceeded;
import dev.keycard.policy.RuleSet;
import dev.keycard.remediation.Remedies;
import dev.keycard.report.Evaluation;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Recent answers of {@link Keycard#decide} ({@code /v1/evaluate}), so that a text sent again (an
 * IDE re-checking a file on save, a CI pipeline re-run on the same compose file) is not parsed,
 * evaluated and proven again. Only the facade uses it; the key holds the options as the caller
 * sent them ({@link Keycard.Sent}), not as read. An answer is a pure function of the request's content, the rule set (loaded once, at start-up)
 * and the day (waivers expire by date), and that is the whole key: equal content, not a hash, so
 * two texts can never share an answer. A cached answer is still a decision of its own: a new
 * decision id, a decision-log line and the counters (see {@link
 * dev.keycard.pipeline.EvaluationService#again}). An answer is kept from the second time its
 * request comes (see {@link #seen}). Bounded by estimated memory ({@code keycard.cache.max-size}, 0
 * turns it off) and idle time.
 *
 * <p>An entry weighs what it holds ({@link Footprint}): the whole key (the text, companion files,
 * variables, caller rules and waivers with their reasons) and the whole answer (the parsed input,
 * findings, warnings and, once proven, the fixes); it is weighed again when its fixes are added.
 * Weighing the text and files alone let 230 requests with a 1 MB variable each fill the 256 MiB
 * heap. An entry over a sixteenth of the cache is not kept at all.
 */
@ApplicationScoped
public class AnswerCache {
  /** What an answer depends on besides the loaded rule sets. */
  record Key(InputRequest input, Keycard.Sent sent, LocalDate day) {
    static Key of(Keycard.Request r) {
      return new Key(r.input(), r.sent(), LocalDate.now(ZoneOffset.UTC));
    }
  }

  /** One evaluation and, once a view asked for them, its verified fixes. */
  static final class Entry {
    private final Evaluation evaluation;
    private Remedies remedies;

    /** The estimated bytes of this answer and its key, as the cache last weighed them. */
    private volatile int weight;

    /** Whether the cache holds this answer (it is weighed again when its fixes are proven). */
    private volatile boolean cached;

    Entry(Evaluation evaluation) {
      this.evaluation = evaluation;
    }

    Evaluation evaluation() {
      return evaluation;
    }

    /** Held while one asker proves the fixes; the others wait for it within their own deadline. */
    private final ReentrantLock proving = new ReentrantLock();

    /**
     * The fixes, proven once per answer: concurrent askers of the same answer wait for the first,
     * each only until its own request's deadline (then it is answered 503 like any request that
     * ran out of time), never on a monitor that ignores it.
     */
    Remedies remedies(Supplier<Remedies> prove) {
      Remedies known = proven();
      if (known != null) {
        return known;
      }
      Budget budget = Budget.current();
      try {
        if (!proving.tryLock(budget.remainingNanos(), TimeUnit.NANOSECONDS)) {
          budget.check(); // the deadline has passed: BudgetExceeded
          throw new BudgetExceeded("the request did not finish within its deadline");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new BudgetExceeded("the request was stopped while waiting for its fixes");
      }
      try {
        known = proven();
        if (known == null) {
          known = prove.get();
          synchronized (this) {
            remedies = known;
          }
        }
        return known;
      } finally {
        proving.unlock();
      }
    }

    private synchronized Remedies proven() {
      return remedies;
    }
  }

  /** What Caffeine's node, the key's record and the answer's wrapper take besides their contents. */
  private static final int ENTRY_BYTES = 256;

  /** Shared by every answer: never counted in an entry's weight. */
  private static final Set<Class<?>> SHARED = Set.of(RuleSet.class);

  /** How many recently seen requests the admission filter remembers (by hash only). */
  private static final int SEEN = 8_192;

  private final Cache<Key, Entry> cache;

  /** The largest entry kept: a sixteenth of the cache. */
  private final long maxEntry;

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
                .<Key, Entry>weigher((k, a) -> a.weight)
                .expireAfterAccess(config.idle())
                .executor(Runnable::run)
                .build();
    this.maxEntry = Math.min(Integer.MAX_VALUE, Math.max(0, max) / 16);
    this.seen = max <= 0 ? null : new AtomicIntegerArray(SEEN);
    if (cache != null) {
      Gauge.builder("keycard.answer.cache.weight", cache, AnswerCache::weighted)
          .description("Estimated bytes the answer cache holds (keycard.cache.max-size bounds it)")
          .baseUnit("bytes")
          .register(registry);
    }
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
  Entry find(Key key) {
    Entry a = cache == null ? null : cache.getIfPresent(key);
    (a == null ? misses : hits).increment();
    return a;
  }

  /** Keeps an answer for later identical requests if this request was seen before; returns it. */
  Entry keep(Key key, Evaluation e) {
    Entry a = new Entry(e);
    if (cache != null && seenBefore(key.hashCode())) {
      long w = weigh(key, a);
      if (w <= maxEntry) {
        a.weight = (int) w;
        a.cached = true;
        cache.put(key, a);
      }
    }
    return a;
  }

  /**
   * The verified fixes of {@code a}, proven once; a cached answer is weighed again with them, and
   * dropped if it is now over the largest entry kept.
   */
  Remedies remedies(Key key, Entry a, Supplier<Remedies> prove) {
    boolean[] proven = {false};
    Remedies r =
        a.remedies(
            () -> {
              proven[0] = true;
              return prove.get();
            });
    if (proven[0] && a.cached) {
      long w = weigh(key, a);
      if (w <= maxEntry) {
        a.weight = (int) w;
        cache.asMap().replace(key, a, a); // Caffeine weighs the entry again
      } else {
        a.cached = false;
        cache.asMap().remove(key, a);
      }
    }
    return r;
  }

  private static double weighted(Cache<Key, Entry> c) {
    return c.policy().eviction().map(ev -> ev.weightedSize().orElse(0)).orElse(0L);
  }

  /** The estimated weight of everything the cache holds now (for tests). */
  long weightedSize() {
    if (cache == null) {
      return 0;
    }
    cache.cleanUp();
    return cache.policy().eviction().map(ev -> ev.weightedSize().orElse(0)).orElse(0L);
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

  /** Estimated bytes of the entry, or a number over {@link #maxEntry} once it is passed. */
  private long weigh(Key k, Entry a) {
    Remedies r;
    synchronized (a) {
      r = a.remedies;
    }
    List<Object> fixes = new ArrayList<>();
    if (r != null) {
      Evaluation e = a.evaluation();
      e.findings().forEach(f -> fixes.add(r.of(f)));
      e.suppressed().forEach(s -> fixes.add(r.of(s.finding())));
    }
    return ENTRY_BYTES + Footprint.of(maxEntry, SHARED, k, a.evaluation(), fixes);
  }
}
