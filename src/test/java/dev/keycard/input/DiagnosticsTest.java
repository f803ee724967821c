package dev.keycard.input;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keycard.model.Diagnostic;
import dev.keycard.model.DiagnosticCode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The one policy every parser's diagnostics are kept by. */
class DiagnosticsTest {
  private static final Source TEXT = Source.of("docker run --a --b --c --d --e nginx\n");

  private static void warn(Diagnostics d, int i) {
    d.add(DiagnosticCode.INPUT_UNKNOWN_FLAG, "unknown flag " + i, i, i + 1);
  }

  @Test
  void underTheLimit_keepsAllInOrder_withoutNotice() {
    Diagnostics d = new Diagnostics(TEXT, 3);
    warn(d, 0);
    d.add(DiagnosticCode.INPUT_PARSE_ERROR, "bad", 1, 2);
    warn(d, 2);
    assertThat(d.list())
        .extracting(Diagnostic::message)
        .containsExactly("unknown flag 0", "bad", "unknown flag 2");
    assertThat(d.hasErrors()).isTrue();
    assertThat(d.dropped()).isZero();
  }

  @Test
  void exactRepeats_areListedOnce_andNotCountedAsLeftOut() {
    Diagnostics d = new Diagnostics(TEXT, 2);
    for (int i = 0; i < 50; i++) {
      warn(d, 0);
    }
    assertThat(d.list())
        .singleElement()
        .satisfies(x -> assertThat(x.message()).isEqualTo("unknown flag 0"));
    assertThat(d.dropped()).isZero();
  }

  @Test
  void theSameMessageAtAnotherPathOrPlace_isNoRepeat() {
    Diagnostics d = new Diagnostics(TEXT, 10);
    d.add(DiagnosticCode.INPUT_INVALID_VALUE, "x", 0, 1, "/a");
    d.add(DiagnosticCode.INPUT_INVALID_VALUE, "x", 0, 1, "/b");
    d.add(DiagnosticCode.INPUT_INVALID_VALUE, "x", 2, 3, "/a");
    d.add(DiagnosticCode.INPUT_UNREAD_FILE, "x", 0, 1, "/a");
    assertThat(d.list()).hasSize(4);
  }

  @Test
  void overTheLimit_warningsStayWithinIt_andTheNoticeSaysHowManyWereLeftOut() {
    Diagnostics d = new Diagnostics(TEXT, 3);
    for (int i = 0; i < 10; i++) {
      warn(d, i);
    }
    List<Diagnostic> list = d.list();
    assertThat(list).hasSize(3);
    assertThat(list.subList(0, 2))
        .extracting(Diagnostic::message)
        .containsExactly("unknown flag 0", "unknown flag 1");
    Diagnostic notice = list.get(2);
    assertThat(notice.code()).isEqualTo("input_diagnostics_truncated");
    assertThat(notice.isError()).isFalse();
    assertThat(notice.message())
        .isEqualTo("8 more diagnostics were left out (at most 3 warnings and 3 errors are listed)");
    assertThat(d.list()).as("listing twice changes nothing").isEqualTo(list);
  }

  @Test
  void anError_isNeverLostToWarnings() {
    Diagnostics d = new Diagnostics(TEXT, 2);
    for (int i = 0; i < 1000; i++) {
      warn(d, i % 30);
      d.add(DiagnosticCode.INPUT_PLACEHOLDER, "placeholder " + i, null, null);
    }
    d.add(DiagnosticCode.INPUT_PARSE_ERROR, "the reason", 3, 4);
    assertThat(d.hasErrors()).isTrue();
    assertThat(d.list()).filteredOn(Diagnostic::isError).extracting(Diagnostic::message)
        .containsExactly("the reason");
    assertThat(d.list()).filteredOn(x -> !x.isError()).hasSize(2);
    assertThat(d.list().get(d.list().size() - 1).code()).isEqualTo("input_diagnostics_truncated");
  }

  @Test
  void errorsToo_areBoundedAndCounted() {
    Diagnostics d = new Diagnostics(TEXT, 2);
    for (int i = 0; i < 5; i++) {
      d.add(DiagnosticCode.INPUT_PARSE_ERROR, "error " + i, i, i + 1);
    }
    assertThat(d.list()).filteredOn(Diagnostic::isError).hasSize(2);
    assertThat(d.list().get(2).message()).startsWith("3 more diagnostics were left out");
  }

  @Test
  void aLimitBelowOne_keepsOneOfEach() {
    Diagnostics d = new Diagnostics(TEXT, 0);
    d.add(DiagnosticCode.INPUT_PARSE_ERROR, "bad", 0, 1);
    warn(d, 1);
    assertThat(d.list()).hasSize(2);
  }

  @Test
  void continuing_aTruncatedList_carriesItsCountAndStaysWithinTheLimit() {
    Diagnostics parser = new Diagnostics(TEXT, 3);
    for (int i = 0; i < 10; i++) {
      warn(parser, i);
    }
    Diagnostics more = Diagnostics.continuing(TEXT, 3, parser.list());
    more.add(DiagnosticCode.INPUT_INVALID_VALUE, "refused sysctl", null, "sysctls[0]");
    List<Diagnostic> list = more.list();
    assertThat(list).hasSize(3);
    assertThat(list.stream().filter(x -> x.is(DiagnosticCode.INPUT_DIAGNOSTICS_TRUNCATED)))
        .singleElement()
        .satisfies(x -> assertThat(x.message()).startsWith("9 more diagnostics were left out"));
  }

  @Test
  void continuing_aShortList_addsUpToTheLimitWithoutNotice() {
    Diagnostics parser = new Diagnostics(TEXT, 3);
    warn(parser, 0);
    Diagnostics more = Diagnostics.continuing(TEXT, 3, parser.list());
    more.add(DiagnosticCode.INPUT_INVALID_VALUE, "refused sysctl", null, "sysctls[0]");
    warn(more, 0); // a repeat of the parser's own
    assertThat(more.list())
        .extracting(Diagnostic::message)
        .containsExactly("unknown flag 0", "refused sysctl");
  }
}
