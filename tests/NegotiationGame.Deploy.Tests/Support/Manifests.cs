using NegotiationGame.Host.Tests.Support;

namespace NegotiationGame.Deploy.Tests.Support;

/// <summary>The Kubernetes manifests under deploy/kubernetes that kustomization.yaml applies, found by kind and name.</summary>
internal sealed class Manifests
{
    public const string Folder = "deploy/kubernetes";

    private Manifests(IReadOnlyList<Yaml> resources) => Resources = resources;

    public IReadOnlyList<Yaml> Resources { get; }

    public static Yaml Kustomization => Yaml.Load(RepositoryFiles.Path($"{Folder}/kustomization.yaml"));

    public static Manifests Load() =>
        new([.. Kustomization["resources"].Texts.SelectMany(file => Yaml.LoadAll(RepositoryFiles.Path($"{Folder}/{file}")))]);

    public Yaml Single(string kind) => Assert.Single(Resources, resource => resource["kind"].Text == kind);

    public Yaml Of(string kind, string name) =>
        Assert.Single(Resources, resource => resource["kind"].Text == kind && resource["metadata"]["name"].Text == name);

    /// <summary>The silos' pod template.</summary>
    public Yaml Pod => Single("Deployment")["spec"]["template"];

    public Yaml Silo => Assert.Single(Pod["spec"]["containers"].Items);

    /// <summary>What a container's envFrom brings in from ConfigMaps and Secrets, by name.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> EnvironmentFrom(Yaml container) =>
        [.. container["envFrom"].Items.SelectMany(source =>
            source.Find("configMapRef") is { } map
                ? Of("ConfigMap", map["name"].Text)["data"].Entries
                : Of("Secret", source["secretRef"]["name"].Text)["stringData"].Entries)
            .Select(variable => KeyValuePair.Create(variable.Key, variable.Value.Text))];
}
