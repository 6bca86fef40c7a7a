package dev.wasidl.abi;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The borrow bookkeeping of one synchronous call, playing both of the spec's roles. As the callee's
 * {@code Task}: the borrow handles lowered into the callee's table for this call ({@code
 * num_borrows}), which the callee must drop before returning. As the caller's {@code Subtask}: the
 * caller's handles lifted as {@code borrow} arguments ({@code lenders}), which cannot be dropped or
 * moved until the call returns. {@link #close()} ends the call.
 */
public final class BorrowScope {
  private int numBorrows;
  private @Nullable List<ResourceHandle> lenders; // made by the first lend
  private boolean closed;
  private long listElements;

  private BorrowScope() {}

  /** A scope for one call. */
  public static BorrowScope open() {
    return new BorrowScope();
  }

  /** Adds {@code n} list elements lifted by this call; returns the call's total so far. */
  long countListElements(long n) {
    listElements += n;
    return listElements;
  }

  /** Borrow handles lowered into this call and not yet dropped. */
  public int borrows() {
    return numBorrows;
  }

  void borrowed() {
    numBorrows++;
  }

  void borrowDropped() {
    numBorrows--;
  }

  /** The spec's {@code add_lender}: {@code h} is lent to this call. */
  void lend(ResourceHandle h) {
    if (closed) {
      throw new IllegalStateException("borrow scope already closed");
    }
    h.lend();
    if (lenders == null) {
      lenders = new ArrayList<>();
    }
    lenders.add(h);
  }

  /**
   * The call returned: gives back the lent handles ({@code deliver_resolve}) and traps if borrow
   * handles lowered into the callee are still in its table ({@code Task.return}).
   */
  public void close() {
    if (!closed && lenders != null) {
      for (ResourceHandle h : lenders) {
        h.unlend();
      }
    }
    closed = true;
    lenders = null;
    if (numBorrows > 0) {
      throw new Trap(
          numBorrows
              + " borrow handle"
              + (numBorrows == 1 ? " remains" : "s remain")
              + " at the end of the call; borrows must be dropped before returning");
    }
  }
}
