package dev.wasidl.wrpc;

import dev.wasidl.types.ResourceType;
import dev.wasidl.types.Val;

/**
 * What a resource handle is on the wire: wRPC sends {@code own} and {@code borrow} as opaque bytes
 * ({@code list<u8>}) whose meaning belongs to the side that made them. Each side maps them to and
 * from the representation its component runtime uses.
 */
public interface WireHandles {
  /** The bytes for {@code value} ({@link Val.Own}: ownership leaves this side). */
  byte[] encode(ResourceType type, Val value) throws WrpcException;

  /** The value for {@code handle}, an {@link Val.Own} if {@code own}, else a {@link Val.Borrow}. */
  Val decode(ResourceType type, boolean own, byte[] handle) throws WrpcException;

  /** Handles refused: for interfaces without resources. */
  WireHandles NONE =
      new WireHandles() {
        @Override
        public byte[] encode(ResourceType type, Val value) throws WrpcException {
          throw new WrpcException("no resource handles here: " + type);
        }

        @Override
        public Val decode(ResourceType type, boolean own, byte[] handle) throws WrpcException {
          throw new WrpcException("no resource handles here: " + type);
        }
      };

  /** Reads handles without giving them meaning: to check that a whole value has arrived. */
  WireHandles DRY =
      new WireHandles() {
        @Override
        public byte[] encode(ResourceType type, Val value) throws WrpcException {
          throw new WrpcException("a dry run does not encode");
        }

        @Override
        public Val decode(ResourceType type, boolean own, byte[] handle) {
          return own ? new Val.Own(0) : new Val.Borrow(0);
        }
      };
}
