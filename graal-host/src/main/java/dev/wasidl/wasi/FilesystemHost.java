package dev.wasidl.wasi;

/** The host side of {@code filesystem/Types}: not implemented yet. */
final class FilesystemHost implements dev.wasidl.wasi.bindings.wasi.filesystem.Types {
  @SuppressWarnings({"UnusedVariable", "unused"}) // until every function is implemented
  private final WasiCtx ctx;

  FilesystemHost(WasiCtx ctx) {
    this.ctx = ctx;
  }

  @Override
  public dev.wasidl.bindings.Result<
          dev.wasidl.bindings.Resource<dev.wasidl.wasi.bindings.wasi.io.Streams.InputStream>,
          dev.wasidl.wasi.bindings.wasi.filesystem.Types.ErrorCode>
      descriptorReadViaStream(
          dev.wasidl.bindings.Resource<dev.wasidl.wasi.bindings.wasi.filesystem.Types.Descriptor>
              self,
          long offset) {
    throw Wasi.notImplemented("Types.descriptorReadViaStream");
  }

  @Override
  public dev.wasidl.bindings.Result<
          dev.wasidl.bindings.Resource<dev.wasidl.wasi.bindings.wasi.io.Streams.OutputStream>,
          dev.wasidl.wasi.bindings.wasi.filesystem.Types.ErrorCode>
      descriptorWriteViaStream(
          dev.wasidl.bindings.Resource<dev.wasidl.wasi.bindings.wasi.filesystem.Types.Descriptor>
              self,
          long offset) {
    throw Wasi.notImplemented("Types.descriptorWriteViaStream");
  }

  @Override
  public dev.wasidl.bindings.Result<
          dev.wasidl.bindings.Resource<dev.wasidl.wasi.bindings.wasi.io.Streams.OutputStream>,
          dev.wasidl.wasi.bindings.wasi.filesystem.Types.ErrorCode>
      descriptorAppendViaStream(
          dev.wasidl.bindings.Resource<dev.wasidl.wasi.bindings.wasi.filesystem.Types.Descriptor>
              self) {
    throw Wasi.notImplemented("Types.descriptorAppendViaStream");
  }

  @Override
  public dev.wasidl.bindings.Result<
          java.lang.Void, dev.wasidl.wasi.bindings.wasi.filesystem.Types.ErrorCode>
      descriptorAdvise(
          dev.wasidl.bindings.Resource<dev.wasidl.wasi.bindings.wasi.filesystem.Types.Descriptor>
              self,
          long offset,
          long length,
          dev.wasidl.wasi.bindings.wasi.filesystem.Types.Advice advice) {
    throw Wasi.notImplemented("Types.descriptorAdvise");
  }

  @Override
  public dev.wasidl.bindings.Result<
          java.lang.Void, dev.wasidl.wasi.bindings.wasi.filesystem.Types.ErrorCode>
      descriptorSyncData(
          dev.wasidl.bindings.Resource<dev.wasidl.wasi.bindings.wasi.filesystem.Types.Descriptor>
              self) {
    throw Wasi.notImplemented("Types.descriptorSyncData");
  }

  @Override
  public dev.wasidl.bindings.Result<
          java.util.Set<dev.wasidl.wasi.bindings.wasi.filesystem.Types.DescriptorFlags>,
          dev.wasidl.wasi.bindings.wasi.filesystem.Types.ErrorCode>
      descriptorGetFlags(
          dev.wasidl.bindings.Resource<dev.wasidl.wasi.bindings.wasi.filesystem.Types.Descriptor>
              self) {
    throw Wasi.notImplemented("Types.descriptorGetFlags");
  }

  @Override
  public dev.wasidl.bindings.Result<
          dev.wasidl.wasi.bindings.wasi.filesystem.Types.DescriptorType,
          dev.wasidl.wasi.bindings.wasi.filesystem.Types.ErrorCode>
      descriptorGetType(
          dev.wasidl.bindings.Resource<dev.wasidl.wasi.bindings.wasi.filesystem.Types.Descriptor>
              self) {
    throw Wasi.notImplemented("Types.descriptorGetType");
  }

  @Override
  public dev.wasidl.bindings.Result<
          java.lang.Void, dev.wasidl.wasi.bindings.wasi.filesystem.Types.ErrorCode>
      descriptorSetSize(
          dev.wasidl.bindings.Resource<dev.wasidl.wasi.bindings.wasi.filesystem.Types.Descriptor>
              self,
          long size) {
    throw Wasi.notImplemented("Types.descriptorSetSize");
  }

  @Override
  public dev.wasidl.bindings.Result<
          java.lang.Void, dev.wasidl.wasi.bindings.wasi.filesystem.Types.ErrorCode>
      descriptorSetTimes(
          dev.wasidl.bindings.Resource<dev.wasidl.wasi.bindings.wasi.filesystem.Types.Descriptor>
              self,
          dev.wasidl.wasi.bindings.wasi.filesystem.Types.NewTimestamp dataAccessTimestamp,
          dev.wasidl.wasi.bindings.wasi.filesystem.Types.NewTimestamp dataModificationTimestamp) {
    throw Wasi.notImplemented("Types.descriptorSetTimes");
  }

  @Override
  public dev.wasidl.bindings.Result<
          dev.wasidl.bindings.Tuple2<byte[], java.lang.Boolean>,
          dev.wasidl.wasi.bindings.wasi.filesystem.Types.ErrorCode>
      descriptorRead(
          dev.wasidl.bindings.Resource<dev.wasidl.wasi.bindings.wasi.filesystem.Types.Descriptor>
              self,
          long length,
          long offset) {
    throw Wasi.notImplemented("Types.descriptorRead");
  }

  @Override
  public dev.wasidl.bindings.Result<
          java.lang.Long, dev.wasidl.wasi.bindings.wasi.filesystem.Types.ErrorCode>
      descriptorWrite(
          dev.wasidl.bindings.Resource<dev.wasidl.wasi.bindings.wasi.filesystem.Types.Descriptor>
              self,
          byte[] buffer,
          long offset) {
    throw Wasi.notImplemented("Types.descriptorWrite");
  }

  @Override
  public dev.wasidl.bindings.Result<
          dev.wasidl.bindings.Resource<
              dev.wasidl.wasi.bindings.wasi.filesystem.Types.DirectoryEntryStream>,
          dev.wasidl.wasi.bindings.wasi.filesystem.Types.ErrorCode>
      descriptorReadDirectory(
          dev.wasidl.bindings.Resource<dev.wasidl.wasi.bindings.wasi.filesystem.Types.Descriptor>
              self) {
    throw Wasi.notImplemented("Types.descriptorReadDirectory");
  }

  @Override
  public dev.wasidl.bindings.Result<
          java.lang.Void, dev.wasidl.wasi.bindings.wasi.filesystem.Types.ErrorCode>
      descriptorSync(
          dev.wasidl.bindings.Resource<dev.wasidl.wasi.bindings.wasi.filesystem.Types.Descriptor>
              self) {
    throw Wasi.notImplemented("Types.descriptorSync");
  }

  @Override
  public dev.wasidl.bindings.Result<
          java.lang.Void, dev.wasidl.wasi.bindings.wasi.filesystem.Types.ErrorCode>
      descriptorCreateDirectoryAt(
          dev.wasidl.bindings.Resource<dev.wasidl.wasi.bindings.wasi.filesystem.Types.Descriptor>
              self,
          java.lang.String path) {
    throw Wasi.notImplemented("Types.descriptorCreateDirectoryAt");
  }

  @Override
  public dev.wasidl.bindings.Result<
          dev.wasidl.wasi.bindings.wasi.filesystem.Types.DescriptorStat,
          dev.wasidl.wasi.bindings.wasi.filesystem.Types.ErrorCode>
      descriptorStat(
          dev.wasidl.bindings.Resource<dev.wasidl.wasi.bindings.wasi.filesystem.Types.Descriptor>
              self) {
    throw Wasi.notImplemented("Types.descriptorStat");
  }

  @Override
  public dev.wasidl.bindings.Result<
          dev.wasidl.wasi.bindings.wasi.filesystem.Types.DescriptorStat,
          dev.wasidl.wasi.bindings.wasi.filesystem.Types.ErrorCode>
      descriptorStatAt(
          dev.wasidl.bindings.Resource<dev.wasidl.wasi.bindings.wasi.filesystem.Types.Descriptor>
              self,
          java.util.Set<dev.wasidl.wasi.bindings.wasi.filesystem.Types.PathFlags> pathFlags,
          java.lang.String path) {
    throw Wasi.notImplemented("Types.descriptorStatAt");
  }

  @Override
  public dev.wasidl.bindings.Result<
          java.lang.Void, dev.wasidl.wasi.bindings.wasi.filesystem.Types.ErrorCode>
      descriptorSetTimesAt(
          dev.wasidl.bindings.Resource<dev.wasidl.wasi.bindings.wasi.filesystem.Types.Descriptor>
              self,
          java.util.Set<dev.wasidl.wasi.bindings.wasi.filesystem.Types.PathFlags> pathFlags,
          java.lang.String path,
          dev.wasidl.wasi.bindings.wasi.filesystem.Types.NewTimestamp dataAccessTimestamp,
          dev.wasidl.wasi.bindings.wasi.filesystem.Types.NewTimestamp dataModificationTimestamp) {
    throw Wasi.notImplemented("Types.descriptorSetTimesAt");
  }

  @Override
  public dev.wasidl.bindings.Result<
          java.lang.Void, dev.wasidl.wasi.bindings.wasi.filesystem.Types.ErrorCode>
      descriptorLinkAt(
          dev.wasidl.bindings.Resource<dev.wasidl.wasi.bindings.wasi.filesystem.Types.Descriptor>
              self,
          java.util.Set<dev.wasidl.wasi.bindings.wasi.filesystem.Types.PathFlags> oldPathFlags,
          java.lang.String oldPath,
          dev.wasidl.bindings.Resource<dev.wasidl.wasi.bindings.wasi.filesystem.Types.Descriptor>
              newDescriptor,
          java.lang.String newPath) {
    throw Wasi.notImplemented("Types.descriptorLinkAt");
  }

  @Override
  public dev.wasidl.bindings.Result<
          dev.wasidl.bindings.Resource<dev.wasidl.wasi.bindings.wasi.filesystem.Types.Descriptor>,
          dev.wasidl.wasi.bindings.wasi.filesystem.Types.ErrorCode>
      descriptorOpenAt(
          dev.wasidl.bindings.Resource<dev.wasidl.wasi.bindings.wasi.filesystem.Types.Descriptor>
              self,
          java.util.Set<dev.wasidl.wasi.bindings.wasi.filesystem.Types.PathFlags> pathFlags,
          java.lang.String path,
          java.util.Set<dev.wasidl.wasi.bindings.wasi.filesystem.Types.OpenFlags> openFlags,
          java.util.Set<dev.wasidl.wasi.bindings.wasi.filesystem.Types.DescriptorFlags> flags) {
    throw Wasi.notImplemented("Types.descriptorOpenAt");
  }

  @Override
  public dev.wasidl.bindings.Result<
          java.lang.String, dev.wasidl.wasi.bindings.wasi.filesystem.Types.ErrorCode>
      descriptorReadlinkAt(
          dev.wasidl.bindings.Resource<dev.wasidl.wasi.bindings.wasi.filesystem.Types.Descriptor>
              self,
          java.lang.String path) {
    throw Wasi.notImplemented("Types.descriptorReadlinkAt");
  }

  @Override
  public dev.wasidl.bindings.Result<
          java.lang.Void, dev.wasidl.wasi.bindings.wasi.filesystem.Types.ErrorCode>
      descriptorRemoveDirectoryAt(
          dev.wasidl.bindings.Resource<dev.wasidl.wasi.bindings.wasi.filesystem.Types.Descriptor>
              self,
          java.lang.String path) {
    throw Wasi.notImplemented("Types.descriptorRemoveDirectoryAt");
  }

  @Override
  public dev.wasidl.bindings.Result<
          java.lang.Void, dev.wasidl.wasi.bindings.wasi.filesystem.Types.ErrorCode>
      descriptorRenameAt(
          dev.wasidl.bindings.Resource<dev.wasidl.wasi.bindings.wasi.filesystem.Types.Descriptor>
              self,
          java.lang.String oldPath,
          dev.wasidl.bindings.Resource<dev.wasidl.wasi.bindings.wasi.filesystem.Types.Descriptor>
              newDescriptor,
          java.lang.String newPath) {
    throw Wasi.notImplemented("Types.descriptorRenameAt");
  }

  @Override
  public dev.wasidl.bindings.Result<
          java.lang.Void, dev.wasidl.wasi.bindings.wasi.filesystem.Types.ErrorCode>
      descriptorSymlinkAt(
          dev.wasidl.bindings.Resource<dev.wasidl.wasi.bindings.wasi.filesystem.Types.Descriptor>
              self,
          java.lang.String oldPath,
          java.lang.String newPath) {
    throw Wasi.notImplemented("Types.descriptorSymlinkAt");
  }

  @Override
  public dev.wasidl.bindings.Result<
          java.lang.Void, dev.wasidl.wasi.bindings.wasi.filesystem.Types.ErrorCode>
      descriptorUnlinkFileAt(
          dev.wasidl.bindings.Resource<dev.wasidl.wasi.bindings.wasi.filesystem.Types.Descriptor>
              self,
          java.lang.String path) {
    throw Wasi.notImplemented("Types.descriptorUnlinkFileAt");
  }

  @Override
  public boolean descriptorIsSameObject(
      dev.wasidl.bindings.Resource<dev.wasidl.wasi.bindings.wasi.filesystem.Types.Descriptor> self,
      dev.wasidl.bindings.Resource<dev.wasidl.wasi.bindings.wasi.filesystem.Types.Descriptor>
          other) {
    throw Wasi.notImplemented("Types.descriptorIsSameObject");
  }

  @Override
  public dev.wasidl.bindings.Result<
          dev.wasidl.wasi.bindings.wasi.filesystem.Types.MetadataHashValue,
          dev.wasidl.wasi.bindings.wasi.filesystem.Types.ErrorCode>
      descriptorMetadataHash(
          dev.wasidl.bindings.Resource<dev.wasidl.wasi.bindings.wasi.filesystem.Types.Descriptor>
              self) {
    throw Wasi.notImplemented("Types.descriptorMetadataHash");
  }

  @Override
  public dev.wasidl.bindings.Result<
          dev.wasidl.wasi.bindings.wasi.filesystem.Types.MetadataHashValue,
          dev.wasidl.wasi.bindings.wasi.filesystem.Types.ErrorCode>
      descriptorMetadataHashAt(
          dev.wasidl.bindings.Resource<dev.wasidl.wasi.bindings.wasi.filesystem.Types.Descriptor>
              self,
          java.util.Set<dev.wasidl.wasi.bindings.wasi.filesystem.Types.PathFlags> pathFlags,
          java.lang.String path) {
    throw Wasi.notImplemented("Types.descriptorMetadataHashAt");
  }

  @Override
  public dev.wasidl.bindings.Result<
          java.util.Optional<dev.wasidl.wasi.bindings.wasi.filesystem.Types.DirectoryEntry>,
          dev.wasidl.wasi.bindings.wasi.filesystem.Types.ErrorCode>
      directoryEntryStreamReadDirectoryEntry(
          dev.wasidl.bindings.Resource<
                  dev.wasidl.wasi.bindings.wasi.filesystem.Types.DirectoryEntryStream>
              self) {
    throw Wasi.notImplemented("Types.directoryEntryStreamReadDirectoryEntry");
  }

  @Override
  public java.util.Optional<dev.wasidl.wasi.bindings.wasi.filesystem.Types.ErrorCode>
      filesystemErrorCode(
          dev.wasidl.bindings.Resource<dev.wasidl.wasi.bindings.wasi.io.Error.Error_> err) {
    throw Wasi.notImplemented("Types.filesystemErrorCode");
  }

  @Override
  public void dropDescriptor(
      dev.wasidl.bindings.Resource<dev.wasidl.wasi.bindings.wasi.filesystem.Types.Descriptor>
          self) {
    throw Wasi.notImplemented("Types.dropDescriptor");
  }

  @Override
  public void dropDirectoryEntryStream(
      dev.wasidl.bindings.Resource<
              dev.wasidl.wasi.bindings.wasi.filesystem.Types.DirectoryEntryStream>
          self) {
    throw Wasi.notImplemented("Types.dropDirectoryEntryStream");
  }
}
