package dev.wasidl.wasi;

import dev.wasidl.abi.Trap;
import dev.wasidl.bindings.Resource;
import dev.wasidl.wasi.bindings.wasi.io.Poll;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import org.jspecify.annotations.Nullable;

/**
 * {@code wasi:io/poll}: waits for {@link HostPollable}s of the table. Timers are slept on until the
 * earliest deadline; anything else is checked again after a short sleep that starts at {@link
 * #MIN_BACKOFF_NANOS} and doubles up to {@link #MAX_BACKOFF_NANOS}, and that {@link #wake} cuts
 * short.
 */
final class PollHost implements Poll {
  static final long MIN_BACKOFF_NANOS = 50_000;
  static final long MAX_BACKOFF_NANOS = 5_000_000;

  private final WasiCtx ctx;
  private volatile @Nullable Thread waiter;

  PollHost(WasiCtx ctx) {
    this.ctx = ctx;
  }

  @Override
  public boolean pollableReady(Resource<Pollable> self) {
    return pollable(self).ready();
  }

  @Override
  public void pollableBlock(Resource<Pollable> self) {
    block(pollable(self));
  }

  @Override
  public List<Integer> poll(List<Resource<Pollable>> in) {
    if (in.isEmpty()) {
      throw new Trap("wasi:io/poll.poll: the list of pollables is empty");
    }
    List<HostPollable> pollables = new ArrayList<>(in.size());
    for (Resource<Pollable> r : in) {
      pollables.add(pollable(r));
    }
    return await(pollables);
  }

  @Override
  public void dropPollable(Resource<Pollable> self) {
    pollable(self);
    ctx.table().delete(self);
  }

  /** Waits until {@code p} is ready. */
  void block(HostPollable p) {
    await(List.of(p));
  }

  /** Wakes the guest thread waiting in {@link #await}, if any, to check its pollables again. */
  void wake() {
    Thread t = waiter;
    if (t != null) {
      LockSupport.unpark(t);
    }
  }

  /** Waits until some of {@code pollables} (not empty) are ready; their indices. */
  List<Integer> await(List<HostPollable> pollables) {
    long backoff = MIN_BACKOFF_NANOS;
    waiter = Thread.currentThread();
    try {
      while (true) {
        List<Integer> ready = new ArrayList<>();
        for (int i = 0; i < pollables.size(); i++) {
          if (pollables.get(i).ready()) {
            ready.add(i);
          }
        }
        if (!ready.isEmpty()) {
          return ready;
        }
        long now = System.nanoTime();
        long sleep = Long.MAX_VALUE;
        boolean io = false;
        for (HostPollable p : pollables) {
          long deadline = p.deadline();
          if (deadline == Long.MAX_VALUE) {
            io = true;
          } else {
            sleep = Math.min(sleep, Math.max(1, deadline - now));
          }
        }
        if (io) {
          sleep = Math.min(sleep, backoff);
          backoff = Math.min(backoff * 2, MAX_BACKOFF_NANOS);
        }
        LockSupport.parkNanos(this, sleep);
        if (Thread.interrupted()) {
          Thread.currentThread().interrupt();
          throw new Trap("interrupted while waiting in wasi:io/poll");
        }
      }
    } finally {
      waiter = null;
    }
  }

  private HostPollable pollable(Resource<Pollable> r) {
    return ctx.table().get(r, HostPollable.class);
  }
}
