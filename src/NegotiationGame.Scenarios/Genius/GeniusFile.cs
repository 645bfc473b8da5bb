namespace NegotiationGame.Scenarios.Genius;

/// <summary>A GENIUS XML file handed to the importer: the name it is reported and named by, and its bytes.</summary>
public sealed record GeniusFile(string Name, ReadOnlyMemory<byte> Content)
{
    /// <summary>The file name without folders and extension: what party and scenario names are made from.</summary>
    public string Stem => Path.GetFileNameWithoutExtension(Name);
}
