namespace NegotiationGame.Storage.Library;

public enum LibraryAddResult
{
    /// <summary>A new entry.</summary>
    Added,

    /// <summary>The same text was there already; the earlier entry is kept.</summary>
    AlreadyStored,

    /// <summary>The library holds its maximum number of entries; nothing was stored.</summary>
    Full,
}
