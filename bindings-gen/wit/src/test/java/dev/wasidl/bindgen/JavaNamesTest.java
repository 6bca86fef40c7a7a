package dev.wasidl.bindgen;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class JavaNamesTest {
  @Test
  void kebabToJava() {
    assertEquals("getAlloc", JavaNames.camel("get-alloc"));
    assertEquals("OutgoingValue", JavaNames.pascal("outgoing-value"));
    assertEquals("C_ULONG_LONG", JavaNames.constant("c-ulong-long"));
    assertEquals("new_", JavaNames.camel("new"));
    assertEquals("record_", JavaNames.camel("record"));
    assertEquals("int8T", JavaNames.camel("int8-t"));
  }
}
