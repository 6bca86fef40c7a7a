package dev.wasidl.abi;

import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * The borrow bookkeeping of one synchronous call, playing both of the spec's roles. As the callee's
 * {@code Task}: the borrow handles lowered into the callee's table for this call ({@code
 * num_borrows}), which the callee must drop before returning. As the caller's {@code Subtask}: the
 * caller's handles lifted as {@code borrow} arguments ({@code lenders}), which cannot be dropped or
 * moved until the call returns. {@link #close()} ends the call.
 *
 * <p>A lender is a (table, index) pair; the first is kept in fields, so a call lending at most one
 * handle allocates nothing beyond the scope itself.
 */
public final class BorrowScope {
  private int numBorrows;
  private @Nullable ResourceTable firstTable;
  private int firstIndex;
  private @Nullable ResourceTable @Nullable [] moreTables; // made by the second lend
  private int @Nullable [] moreIndices;
  private int moreCount;
  private boolean closed;
  private long listElements;
  private long liftedBytes;

  private BorrowScope() {}

  /** A scope for one call. */
  public static BorrowScope open() {
    return new BorrowScope();
  }

  /** Makes a closed scope open for the next call, empty: compiled host calls reuse theirs. */
  void reopen() {
    closed = false;
    numBorrows = 0;
    listElements = 0;
    liftedBytes = 0;
  }

  /** Adds {@code n} list elements lifted by this call; returns the call's total so far. */
  long countListElements(long n) {
    listElements += n;
    return listElements;
  }

  /** Adds {@code n} bytes of strings or byte lists lifted by this call; returns the total. */
  long countLiftedBytes(long n) {
    liftedBytes += n;
    return liftedBytes;
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

  /**
   * The spec's {@code add_lender}: the handle at {@code index} of {@code table} is lent to this
   * call. While lent it cannot be removed, so the index stays its own until {@link #close()}.
   */
  void lend(ResourceTable table, int index) {
    if (closed) {
      throw new IllegalStateException("borrow scope already closed");
    }
    table.lend(index);
    if (firstTable == null) {
      firstTable = table;
      firstIndex = index;
      return;
    }
    if (moreTables == null || moreIndices == null) {
      moreTables = new ResourceTable[4];
      moreIndices = new int[4];
    } else if (moreCount == moreIndices.length) {
      moreTables = Arrays.copyOf(moreTables, moreCount * 2);
      moreIndices = Arrays.copyOf(moreIndices, moreCount * 2);
    }
    moreTables[moreCount] = table;
    moreIndices[moreCount++] = index;
  }

  /**
   * The call returned: gives back the lent handles ({@code deliver_resolve}) and traps if borrow
   * handles lowered into the callee are still in its table ({@code Task.return}).
   */
  public void close() {
    if (!closed) {
      if (firstTable != null) {
        firstTable.unlend(firstIndex);
      }
      if (moreTables != null && moreIndices != null) {
        for (int k = 0; k < moreCount; k++) {
          ResourceTable t = moreTables[k];
          if (t != null) {
            t.unlend(moreIndices[k]);
          }
        }
      }
    }
    closed = true;
    firstTable = null;
    moreTables = null;
    moreIndices = null;
    moreCount = 0;
    if (numBorrows > 0) {
      throw new Trap(
          numBorrows
              + " borrow handle"
              + (numBorrows == 1 ? " remains" : "s remain")
              + " at the end of the call; borrows must be dropped before returning");
    }
  }
}
