package dev.papergraph.model;

import static dev.papergraph.model.Arguments.require;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/**
 * The checks that name whole numbers without boxing them say what the varargs check says, and pass
 * silently when the condition holds.
 */
class ArgumentsTest {

  @Test
  void theWholeNumberChecksGiveTheVarargsMessages() {
    int row = 70_000;
    byte fields = 5;
    String one =
        assertThrows(
                IllegalArgumentException.class,
                () -> require(row < 0, "row %s has a negative length", row))
            .getMessage();
    String two =
        assertThrows(
                IllegalArgumentException.class,
                () -> require(false, "paper %s has unknown fields %s", row, fields))
            .getMessage();
    String varargs =
        assertThrows(
                IllegalArgumentException.class,
                () -> require(false, "paper %s has unknown fields %s", (Object) row, fields))
            .getMessage();
    assertEquals("row 70000 has a negative length", one);
    assertEquals("paper 70000 has unknown fields 5", two);
    assertEquals(varargs, two);
    require(true, "never %s", row);
    require(true, "never %s %s", row, fields);
  }
}
