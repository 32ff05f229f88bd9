package dev.jamjet.schema.wire;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;

/**
 * A {@code chrono::DateTime<Utc>}: days, seconds of the day and nanoseconds, with chrono's range
 * (years -262143..=262142) and its leap second (nanoseconds 1e9..2e9 on second 59). {@link
 * #parse} accepts what chrono's Deserialize accepts (its relaxed RFC 3339: any offset, folded
 * to UTC; {@code t} or a space for {@code T}; {@code UTC}; up to nine fraction digits kept,
 * more ignored); {@link #toString} is what chrono writes: {@code Z}, and 0, 3, 6 or 9
 * fraction digits.
 */
public final class Timestamp implements Comparable<Timestamp> {
  private static final int NANOS = 1_000_000_000;
  private static final int MIN_YEAR = -262143;
  private static final int MAX_YEAR = 262142;
  private static final long MIN_DAYS = daysFromCivil(MIN_YEAR, 1, 1);
  private static final long MAX_DAYS = daysFromCivil(MAX_YEAR, 12, 31);

  private final long days; // since 1970-01-01
  private final int secs; // of the day, 0..86399
  private final int frac; // nanoseconds, 0..1_999_999_999 (a leap second past 1e9)

  private Timestamp(long days, int secs, int frac) {
    this.days = days;
    this.secs = secs;
    this.frac = frac;
  }

  /** chrono's DateTime&lt;Utc&gt; from its text, or chrono's error. */
  public static Timestamp parse(String text) {
    try {
      Rfc3339Relaxed p = new Rfc3339Relaxed(text.getBytes(StandardCharsets.UTF_8));
      p.run();
      return p.toUtc();
    } catch (Rfc3339Relaxed.Fail e) {
      throw new WireException(e.reason);
    }
  }

  /** The instant, to the nanosecond (a leap second cannot be one: see {@link #isLeapSecond}). */
  public static Timestamp of(Instant instant) {
    return ofEpochSecond(instant.getEpochSecond(), instant.getNano());
  }

  public static Timestamp ofEpochSecond(long seconds, int nanosecond) {
    if (nanosecond < 0 || nanosecond >= NANOS) throw new WireException("nanosecond out of range: " + nanosecond);
    long d = Math.floorDiv(seconds, 86_400L);
    if (d < MIN_DAYS || d > MAX_DAYS) throw new WireException("timestamp out of chrono's range");
    return new Timestamp(d, (int) Math.floorMod(seconds, 86_400L), nanosecond);
  }

  /** Now in UTC, with the system clock's full precision (like chrono's Utc::now()). */
  public static Timestamp now() {
    return of(Clock.systemUTC().instant());
  }

  /** The instant; a leap second folds onto the second before it (Instant has none). */
  public Instant toInstant() {
    return Instant.ofEpochSecond(epochSecond(), frac % NANOS);
  }

  public long epochSecond() {
    return days * 86_400L + secs;
  }

  /** Nanoseconds of the second, 1e9 and up during a leap second. */
  public int nanosecond() {
    return frac;
  }

  public boolean isLeapSecond() {
    return frac >= NANOS;
  }

  @Override
  public int compareTo(Timestamp o) {
    int c = Long.compare(days, o.days);
    if (c == 0) c = Integer.compare(secs, o.secs);
    return c != 0 ? c : Integer.compare(frac, o.frac);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Timestamp t && compareTo(t) == 0;
  }

  @Override
  public int hashCode() {
    return Long.hashCode(days * 86_400L + secs) * 31 + frac;
  }

  /** chrono's text: {@code 2024-05-06T07:08:09.123456789Z}. */
  @Override
  public String toString() {
    long[] ymd = civilFromDays(days);
    long year = ymd[0];
    StringBuilder out = new StringBuilder(32);
    if (year >= 0 && year <= 9999) pad(out, year, 4);
    else pad(out.append(year < 0 ? '-' : '+'), Math.abs(year), 4);
    pad(out.append('-'), ymd[1], 2);
    pad(out.append('-'), ymd[2], 2);
    int sec = secs % 60;
    int nano = frac;
    if (nano >= NANOS) { // chrono writes a leap second as :60
      sec += 1;
      nano -= NANOS;
    }
    pad(out.append('T'), secs / 3600, 2);
    pad(out.append(':'), secs / 60 % 60, 2);
    pad(out.append(':'), sec, 2);
    if (nano == 0) {
      // no fraction
    } else if (nano % 1_000_000 == 0) {
      pad(out.append('.'), nano / 1_000_000, 3);
    } else if (nano % 1_000 == 0) {
      pad(out.append('.'), nano / 1_000, 6);
    } else {
      pad(out.append('.'), nano, 9);
    }
    return out.append('Z').toString();
  }

  private static void pad(StringBuilder out, long n, int width) {
    String s = Long.toString(n);
    for (int k = s.length(); k < width; k++) out.append('0');
    out.append(s);
  }

  static long daysFromCivil(long year, long month, long day) {
    long y = month <= 2 ? year - 1 : year;
    long era = Math.floorDiv(y, 400);
    long yoe = y - era * 400;
    long mp = (month + 9) % 12;
    long doy = (153 * mp + 2) / 5 + day - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
  }

  static long[] civilFromDays(long days) {
    long z = days + 719468;
    long era = Math.floorDiv(z, 146097);
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    long day = doy - (153 * mp + 2) / 5 + 1;
    long month = mp < 10 ? mp + 3 : mp - 9;
    return new long[] {month <= 2 ? era * 400 + yoe + 1 : era * 400 + yoe, month, day};
  }

  static boolean isLeapYear(long y) {
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  }

  static int daysInMonth(long y, long m) {
    if (m == 2) return isLeapYear(y) ? 29 : 28;
    return new int[] {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}[(int) m - 1];
  }

  /** chrono's parse_rfc3339_relaxed (format/parse.rs) on UTF-8 bytes, then Parsed::to_datetime. */
  private static final class Rfc3339Relaxed {
    static final String OUT_OF_RANGE = "input is out of range";
    static final String IMPOSSIBLE = "no possible date and time matching input";
    static final String INVALID = "input contains invalid characters";
    static final String TOO_SHORT = "premature end of input";
    static final String TOO_LONG = "trailing input";

    static final class Fail extends Exception {
      private static final long serialVersionUID = 1L;
      final String reason;

      Fail(String reason) {
        super(reason, null, false, false);
        this.reason = reason;
      }
    }

    private final byte[] b;
    private int p;
    private long year;
    private long month;
    private long day;
    private long hour;
    private long minute;
    private long second;
    private long nanosecond;
    private long offset;

    Rfc3339Relaxed(byte[] b) {
      this.b = b;
    }

    private int len() {
      return b.length - p;
    }

    private int at(int i) {
      return b[i] & 0xff;
    }

    /** The code point at i and its byte length. */
    private int[] charAt(int i) {
      int b0 = at(i);
      if (b0 < 0x80) return new int[] {b0, 1};
      if (b0 < 0xe0) return new int[] {((b0 & 0x1f) << 6) | (at(i + 1) & 0x3f), 2};
      if (b0 < 0xf0) return new int[] {((b0 & 0x0f) << 12) | ((at(i + 1) & 0x3f) << 6) | (at(i + 2) & 0x3f), 3};
      return new int[] {
        ((b0 & 0x07) << 18) | ((at(i + 1) & 0x3f) << 12) | ((at(i + 2) & 0x3f) << 6) | (at(i + 3) & 0x3f), 4
      };
    }

    /** Rust's char::is_whitespace. */
    private static boolean isWhiteSpace(int cp) {
      return (cp >= 0x09 && cp <= 0x0d)
          || cp == 0x20
          || cp == 0x85
          || cp == 0xa0
          || cp == 0x1680
          || (cp >= 0x2000 && cp <= 0x200a)
          || cp == 0x2028
          || cp == 0x2029
          || cp == 0x202f
          || cp == 0x205f
          || cp == 0x3000;
    }

    private void trimStart() {
      while (p < b.length) {
        int[] c = charAt(p);
        if (!isWhiteSpace(c[0])) return;
        p += c[1];
      }
    }

    private void colonOrSpace() {
      while (p < b.length) {
        int[] c = charAt(p);
        if (c[0] != ':' && !isWhiteSpace(c[0])) return;
        p += c[1];
      }
    }

    private void literal(int ch) throws Fail {
      if (len() < 1) throw new Fail(TOO_SHORT);
      if (at(p) != ch) throw new Fail(INVALID);
      p += 1;
    }

    private long number(int min, int max) throws Fail {
      if (len() < min) throw new Fail(TOO_SHORT);
      long n = 0;
      int limit = Math.min(max, len());
      for (int i = 0; i < limit; i++) {
        int c = at(p + i);
        if (c < '0' || c > '9') {
          if (i < min) throw new Fail(INVALID);
          p += i;
          return n;
        }
        if (n > (Long.MAX_VALUE - (c - '0')) / 10) throw new Fail(OUT_OF_RANGE);
        n = n * 10 + (c - '0');
      }
      p += limit;
      return n;
    }

    private long numeric(int width, boolean signed) throws Fail {
      trimStart();
      if (signed && p < b.length && at(p) == '-') {
        p += 1;
        return -number(1, Integer.MAX_VALUE);
      }
      if (signed && p < b.length && at(p) == '+') {
        p += 1;
        return number(1, Integer.MAX_VALUE);
      }
      return number(1, width);
    }

    private static long range(long v, long lo, long hi) throws Fail {
      if (v < lo || v > hi) throw new Fail(OUT_OF_RANGE);
      return v;
    }

    private void fraction() throws Fail {
      if (p >= b.length || at(p) != '.') return;
      p += 1;
      int start = p;
      long v = number(1, 9);
      int consumed = p - start;
      long[] scale = {0, 100_000_000, 10_000_000, 1_000_000, 100_000, 10_000, 1_000, 100, 10, 1};
      while (p < b.length && at(p) >= '0' && at(p) <= '9') p++;
      nanosecond = v * scale[consumed];
    }

    private long timezoneOffset() throws Fail {
      if (p < b.length && (at(p) == 'Z' || at(p) == 'z')) {
        p += 1;
        return 0;
      }
      if (len() == 0) throw new Fail(TOO_SHORT);
      int[] c = charAt(p);
      boolean negative;
      if (c[0] == '+') negative = false;
      else if (c[0] == '-' || c[0] == 0x2212) negative = true; // HYPHEN-MINUS, MINUS SIGN
      else throw new Fail(INVALID);
      p += c[1];
      if (len() < 2) throw new Fail(TOO_SHORT);
      int h1 = at(p);
      int h2 = at(p + 1);
      if (!(isDigit(h1) && isDigit(h2))) throw new Fail(INVALID);
      long hours = (h1 - '0') * 10L + (h2 - '0');
      p += 2;
      colonOrSpace();
      if (len() < 2) throw new Fail(TOO_SHORT);
      int m1 = at(p);
      int m2 = at(p + 1);
      long minutes;
      if (m1 >= '0' && m1 <= '5' && isDigit(m2)) minutes = (m1 - '0') * 10L + (m2 - '0');
      else if (m1 >= '6' && m1 <= '9' && isDigit(m2)) throw new Fail(OUT_OF_RANGE);
      else throw new Fail(INVALID);
      p += 2;
      long seconds = hours * 3600 + minutes * 60;
      return negative ? -seconds : seconds;
    }

    private static boolean isDigit(int c) {
      return c >= '0' && c <= '9';
    }

    void run() throws Fail {
      year = numeric(4, true);
      if (year < Integer.MIN_VALUE || year > Integer.MAX_VALUE) throw new Fail(OUT_OF_RANGE);
      trimStart();
      literal('-');
      month = range(numeric(2, false), 1, 12);
      trimStart();
      literal('-');
      day = range(numeric(2, false), 1, 31);
      if (len() == 0) throw new Fail(TOO_SHORT);
      int sep = at(p);
      if (sep != 'T' && sep != 't' && sep != ' ') throw new Fail(INVALID);
      p += 1;
      hour = range(numeric(2, false), 0, 23);
      trimStart();
      literal(':');
      minute = range(numeric(2, false), 0, 59);
      trimStart();
      literal(':');
      second = range(numeric(2, false), 0, 60);
      fraction();
      trimStart();
      if (len() >= 3 && (at(p) | 0x20) == 'u' && (at(p + 1) | 0x20) == 't' && (at(p + 2) | 0x20) == 'c') {
        p += 3;
        offset = 0;
      } else {
        offset = timezoneOffset();
      }
      trimStart();
      if (p != b.length) throw new Fail(TOO_LONG);
    }

    Timestamp toUtc() throws Fail {
      if (year < MIN_YEAR || year > MAX_YEAR || day > daysInMonth(year, month)) throw new Fail(OUT_OF_RANGE);
      long localDays = daysFromCivil(year, month, day);
      long sec = second == 60 ? 59 : second;
      long leap = second == 60 ? NANOS : 0;
      long secsOfDay = hour * 3600 + minute * 60 + sec;
      if (!(-86_400 < offset && offset < 86_400)) throw new Fail(OUT_OF_RANGE);
      long shifted = secsOfDay - offset;
      long dayShift = Math.floorDiv(shifted, 86_400L);
      long d = localDays + dayShift;
      if (d < MIN_DAYS || d > MAX_DAYS) throw new Fail(IMPOSSIBLE);
      return new Timestamp(d, (int) (shifted - dayShift * 86_400), (int) (leap + nanosecond));
    }
  }
}
