namespace NegotiationGame.Storage.Postgres;

/// <summary>The outcome of <see cref="PostgresSchema.CheckAsync"/>, with one line for the operator.</summary>
/// <param name="Status">How the schema compares with this build's migrations.</param>
/// <param name="AppliedVersion">The highest version applied to the database; 0 when none.</param>
/// <param name="KnownVersion">The highest version this build carries.</param>
/// <param name="Message">One line saying where the schema stands and, unless it is current, what to run.</param>
public sealed record SchemaCheck(SchemaStatus Status, int AppliedVersion, int KnownVersion, string Message)
{
    public bool IsCurrent => Status == SchemaStatus.Current;
}
