namespace NegotiationGame.Storage.Postgres;

/// <summary>How a database's NegotiationGame schema compares with the migrations this build carries.</summary>
public enum SchemaStatus
{
    /// <summary>Every migration this build knows is applied, and none that it does not.</summary>
    Current,

    /// <summary>The database has never been migrated: it has no NegotiationGame tables.</summary>
    Missing,

    /// <summary>Some of this build's migrations are not applied yet.</summary>
    Older,

    /// <summary>The database holds a migration this build does not know: a later release has upgraded it.</summary>
    Newer,
}
