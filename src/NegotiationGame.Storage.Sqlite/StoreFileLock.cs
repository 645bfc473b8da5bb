using System.Globalization;

namespace NegotiationGame.Storage.Sqlite;

/// <summary>
/// Keeps every other process off a store file while one serves it: an exclusive OS lock on a side file
/// <c>&lt;db&gt;.lock</c> (flock on Linux, a share mode on Windows), released by the OS when the process ends however
/// it ends, so a crash leaves nothing to clean up. The holder's process id goes to <c>&lt;db&gt;.owner</c>, since the
/// lock keeps the lock file itself from being read.
/// </summary>
internal sealed class StoreFileLock : IDisposable
{
    private readonly FileStream _lock;
    private readonly string _ownerPath;

    private StoreFileLock(FileStream @lock, string ownerPath)
    {
        _lock = @lock;
        _ownerPath = ownerPath;
    }

    /// <summary>Takes the lock, or throws <see cref="StoreInUseException"/> naming the process that holds it.</summary>
    public static StoreFileLock Acquire(string databasePath)
    {
        var fullPath = Path.GetFullPath(databasePath);
        var ownerPath = fullPath + ".owner";
        FileStream held;
        try
        {
            held = new FileStream(fullPath + ".lock", FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException exception) when (exception is not FileNotFoundException and not DirectoryNotFoundException)
        {
            throw new StoreInUseException(fullPath, ReadOwner(ownerPath), exception);
        }

        try
        {
            File.WriteAllText(ownerPath, Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        }
        catch (IOException)
        {
            // The owner file only makes the refusal's message better; the lock is what counts.
        }

        return new StoreFileLock(held, ownerPath);
    }

    public void Dispose()
    {
        try
        {
            File.Delete(_ownerPath);
        }
        catch (IOException)
        {
            // Left behind, it names a process that no longer holds the lock; the next holder overwrites it.
        }

        _lock.Dispose();
    }

    private static int? ReadOwner(string ownerPath)
    {
        try
        {
            return int.TryParse(File.ReadAllText(ownerPath), NumberStyles.None, CultureInfo.InvariantCulture, out var pid) ? pid : null;
        }
        catch (IOException)
        {
            return null;
        }
    }
}
