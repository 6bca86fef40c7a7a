package dev.wasidl.wasi;

/** The host side of {@code io/Streams}: not implemented yet. */
final class StreamsHost implements dev.wasidl.wasi.bindings.wasi.io.Streams {
  @SuppressWarnings({"UnusedVariable", "unused"}) // until every function is implemented
  private final WasiCtx ctx;

  StreamsHost(WasiCtx ctx) {
    this.ctx = ctx;
  }

  @Override
  public dev.wasidl.bindings.Result<byte[], dev.wasidl.wasi.bindings.wasi.io.Streams.StreamError>
      inputStreamRead(
          dev.wasidl.bindings.Resource<dev.wasidl.wasi.bindings.wasi.io.Streams.InputStream> self,
          long len) {
    throw Wasi.notImplemented("Streams.inputStreamRead");
  }

  @Override
  public dev.wasidl.bindings.Result<byte[], dev.wasidl.wasi.bindings.wasi.io.Streams.StreamError>
      inputStreamBlockingRead(
          dev.wasidl.bindings.Resource<dev.wasidl.wasi.bindings.wasi.io.Streams.InputStream> self,
          long len) {
    throw Wasi.notImplemented("Streams.inputStreamBlockingRead");
  }

  @Override
  public dev.wasidl.bindings.Result<
          java.lang.Long, dev.wasidl.wasi.bindings.wasi.io.Streams.StreamError>
      inputStreamSkip(
          dev.wasidl.bindings.Resource<dev.wasidl.wasi.bindings.wasi.io.Streams.InputStream> self,
          long len) {
    throw Wasi.notImplemented("Streams.inputStreamSkip");
  }

  @Override
  public dev.wasidl.bindings.Result<
          java.lang.Long, dev.wasidl.wasi.bindings.wasi.io.Streams.StreamError>
      inputStreamBlockingSkip(
          dev.wasidl.bindings.Resource<dev.wasidl.wasi.bindings.wasi.io.Streams.InputStream> self,
          long len) {
    throw Wasi.notImplemented("Streams.inputStreamBlockingSkip");
  }

  @Override
  public dev.wasidl.bindings.Resource<dev.wasidl.wasi.bindings.wasi.io.Poll.Pollable>
      inputStreamSubscribe(
          dev.wasidl.bindings.Resource<dev.wasidl.wasi.bindings.wasi.io.Streams.InputStream> self) {
    throw Wasi.notImplemented("Streams.inputStreamSubscribe");
  }

  @Override
  public dev.wasidl.bindings.Result<
          java.lang.Long, dev.wasidl.wasi.bindings.wasi.io.Streams.StreamError>
      outputStreamCheckWrite(
          dev.wasidl.bindings.Resource<dev.wasidl.wasi.bindings.wasi.io.Streams.OutputStream>
              self) {
    throw Wasi.notImplemented("Streams.outputStreamCheckWrite");
  }

  @Override
  public dev.wasidl.bindings.Result<
          java.lang.Void, dev.wasidl.wasi.bindings.wasi.io.Streams.StreamError>
      outputStreamWrite(
          dev.wasidl.bindings.Resource<dev.wasidl.wasi.bindings.wasi.io.Streams.OutputStream> self,
          byte[] contents) {
    throw Wasi.notImplemented("Streams.outputStreamWrite");
  }

  @Override
  public dev.wasidl.bindings.Result<
          java.lang.Void, dev.wasidl.wasi.bindings.wasi.io.Streams.StreamError>
      outputStreamBlockingWriteAndFlush(
          dev.wasidl.bindings.Resource<dev.wasidl.wasi.bindings.wasi.io.Streams.OutputStream> self,
          byte[] contents) {
    throw Wasi.notImplemented("Streams.outputStreamBlockingWriteAndFlush");
  }

  @Override
  public dev.wasidl.bindings.Result<
          java.lang.Void, dev.wasidl.wasi.bindings.wasi.io.Streams.StreamError>
      outputStreamFlush(
          dev.wasidl.bindings.Resource<dev.wasidl.wasi.bindings.wasi.io.Streams.OutputStream>
              self) {
    throw Wasi.notImplemented("Streams.outputStreamFlush");
  }

  @Override
  public dev.wasidl.bindings.Result<
          java.lang.Void, dev.wasidl.wasi.bindings.wasi.io.Streams.StreamError>
      outputStreamBlockingFlush(
          dev.wasidl.bindings.Resource<dev.wasidl.wasi.bindings.wasi.io.Streams.OutputStream>
              self) {
    throw Wasi.notImplemented("Streams.outputStreamBlockingFlush");
  }

  @Override
  public dev.wasidl.bindings.Resource<dev.wasidl.wasi.bindings.wasi.io.Poll.Pollable>
      outputStreamSubscribe(
          dev.wasidl.bindings.Resource<dev.wasidl.wasi.bindings.wasi.io.Streams.OutputStream>
              self) {
    throw Wasi.notImplemented("Streams.outputStreamSubscribe");
  }

  @Override
  public dev.wasidl.bindings.Result<
          java.lang.Void, dev.wasidl.wasi.bindings.wasi.io.Streams.StreamError>
      outputStreamWriteZeroes(
          dev.wasidl.bindings.Resource<dev.wasidl.wasi.bindings.wasi.io.Streams.OutputStream> self,
          long len) {
    throw Wasi.notImplemented("Streams.outputStreamWriteZeroes");
  }

  @Override
  public dev.wasidl.bindings.Result<
          java.lang.Void, dev.wasidl.wasi.bindings.wasi.io.Streams.StreamError>
      outputStreamBlockingWriteZeroesAndFlush(
          dev.wasidl.bindings.Resource<dev.wasidl.wasi.bindings.wasi.io.Streams.OutputStream> self,
          long len) {
    throw Wasi.notImplemented("Streams.outputStreamBlockingWriteZeroesAndFlush");
  }

  @Override
  public dev.wasidl.bindings.Result<
          java.lang.Long, dev.wasidl.wasi.bindings.wasi.io.Streams.StreamError>
      outputStreamSplice(
          dev.wasidl.bindings.Resource<dev.wasidl.wasi.bindings.wasi.io.Streams.OutputStream> self,
          dev.wasidl.bindings.Resource<dev.wasidl.wasi.bindings.wasi.io.Streams.InputStream> src,
          long len) {
    throw Wasi.notImplemented("Streams.outputStreamSplice");
  }

  @Override
  public dev.wasidl.bindings.Result<
          java.lang.Long, dev.wasidl.wasi.bindings.wasi.io.Streams.StreamError>
      outputStreamBlockingSplice(
          dev.wasidl.bindings.Resource<dev.wasidl.wasi.bindings.wasi.io.Streams.OutputStream> self,
          dev.wasidl.bindings.Resource<dev.wasidl.wasi.bindings.wasi.io.Streams.InputStream> src,
          long len) {
    throw Wasi.notImplemented("Streams.outputStreamBlockingSplice");
  }

  @Override
  public void dropInputStream(
      dev.wasidl.bindings.Resource<dev.wasidl.wasi.bindings.wasi.io.Streams.InputStream> self) {
    throw Wasi.notImplemented("Streams.dropInputStream");
  }

  @Override
  public void dropOutputStream(
      dev.wasidl.bindings.Resource<dev.wasidl.wasi.bindings.wasi.io.Streams.OutputStream> self) {
    throw Wasi.notImplemented("Streams.dropOutputStream");
  }
}
