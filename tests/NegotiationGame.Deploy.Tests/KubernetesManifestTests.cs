using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using NegotiationGame.Deploy.Tests.Support;
using NegotiationGame.Host;
using NegotiationGame.Host.Cluster;
using NegotiationGame.Host.Tests.Support;
using NegotiationGame.Tests;
using Npgsql;
using Orleans.Hosting.Kubernetes;

namespace NegotiationGame.Deploy.Tests;

/// <summary>deploy/kubernetes agrees with the image, the server's settings, ports and paths, and what Orleans' Kubernetes hosting needs.</summary>
public sealed partial class KubernetesManifestTests
{
    private readonly Manifests _manifests = Manifests.Load();

    [Fact]
    public void The_kustomization_applies_every_manifest_of_the_folder()
    {
        var files = Directory.GetFiles(RepositoryFiles.Path(Manifests.Folder), "*.yaml").Select(Path.GetFileName).Where(file => file != "kustomization.yaml");

        Assert.Equal(files.Order(), Manifests.Kustomization["resources"].Texts.Order());
        Assert.Equal(
            ["ConfigMap", "Deployment", "Job", "Namespace", "PodDisruptionBudget", "Role", "RoleBinding", "Secret", "Service", "ServiceAccount"],
            _manifests.Resources.Select(resource => resource["kind"].Text).Order());
    }

    [Fact]
    public void The_silo_container_declares_the_ports_the_server_listens_on()
    {
        var ports = _manifests.Silo["ports"].Items.ToDictionary(port => port["name"].Text, port => port["containerPort"].Number);
        var defaults = new HostSettings();

        Assert.Equal(DockerImage.HttpPort, ports["http"]);
        Assert.Equal(defaults.SiloPort, ports["silo"]);
        Assert.Equal(defaults.GatewayPort, ports["gateway"]);
        var service = _manifests.Single("Service")["spec"];
        Assert.Equal("http", Assert.Single(service["ports"].Items)["targetPort"].Text);
    }

    [Fact]
    public void Liveness_and_readiness_probe_the_servers_health_paths_on_its_http_port()
    {
        Assert.Equal(HealthPaths.Live, _manifests.Silo["livenessProbe"]["httpGet"]["path"].Text);
        Assert.Equal(HealthPaths.Ready, _manifests.Silo["readinessProbe"]["httpGet"]["path"].Text);
        Assert.Equal(HealthPaths.Live, _manifests.Silo["startupProbe"]["httpGet"]["path"].Text);
        foreach (var probe in new[] { "livenessProbe", "readinessProbe", "startupProbe" })
        {
            Assert.Equal("http", _manifests.Silo[probe]["httpGet"]["port"].Text);
        }
    }

    [Fact]
    public void The_kubelet_waits_longer_for_a_stopping_pod_than_the_server_waits_for_its_services()
    {
        var grace = TimeSpan.FromSeconds(_manifests.Pod["spec"]["terminationGracePeriodSeconds"].Number);

        Assert.True(grace > HostShutdown.Timeout + TimeSpan.FromSeconds(2), grace.ToString());
    }

    [Fact]
    public void Every_variable_the_silos_and_the_job_get_is_a_setting_and_puts_the_node_in_cluster_mode()
    {
        var environment = _manifests.EnvironmentFrom(_manifests.Silo);
        ServerEnvironment.AssertEveryVariableIsASetting(environment, "deploy/kubernetes silo");
        ServerEnvironment.AssertEveryVariableIsASetting(_manifests.EnvironmentFrom(MigrateContainer), "deploy/kubernetes migrate job");

        var configuration = ServerEnvironment.Configuration([.. DockerImage.Environment(), .. environment]);
        var settings = HostSettings.From(configuration);
        Assert.Equal(HostMode.Cluster, settings.Mode);
        // In a pod the address is POD_IP; a fixed one would be the same for every replica.
        Assert.Null(settings.AdvertisedAddress);
        Assert.NotEmpty(new NpgsqlConnectionStringBuilder(configuration.GetConnectionString(ClusterBackend.ConnectionStringName)).Host!);
    }

    [Fact]
    public void The_pods_carry_the_environment_and_labels_orleans_kubernetes_hosting_reads()
    {
        var fields = _manifests.Silo["env"].Items.ToDictionary(variable => variable["name"].Text, variable => variable["valueFrom"]["fieldRef"]["fieldPath"].Text);
        Assert.Equal("metadata.name", fields[KubernetesHostingOptions.PodNameEnvironmentVariable]);
        Assert.Equal("metadata.namespace", fields[KubernetesHostingOptions.PodNamespaceEnvironmentVariable]);
        Assert.Equal("status.podIP", fields[KubernetesHostingOptions.PodIPEnvironmentVariable]);

        // The hosting relabels its pod to the silo's ids: labels that already equal them are never changed.
        var settings = HostSettings.From(ServerEnvironment.Configuration(_manifests.EnvironmentFrom(_manifests.Silo)));
        var labels = _manifests.Pod["metadata"]["labels"];
        Assert.Equal(settings.ClusterId, labels[KubernetesHostingOptions.ClusterIdLabel].Text);
        Assert.Equal(settings.ServiceId, labels[KubernetesHostingOptions.ServiceIdLabel].Text);
        var selector = _manifests.Single("Deployment")["spec"]["selector"]["matchLabels"];
        Assert.DoesNotContain(selector.Entries, label => label.Key.StartsWith("orleans/", StringComparison.Ordinal));
        foreach (var matching in new[] { selector, _manifests.Single("Service")["spec"]["selector"], _manifests.Single("PodDisruptionBudget")["spec"]["selector"]["matchLabels"] })
        {
            Assert.All(matching.Entries, label => Assert.Equal(label.Value.Text, labels[label.Key].Text));
        }
    }

    [Fact]
    public void The_silos_service_account_may_read_label_list_and_watch_pods_and_nothing_more()
    {
        var account = _manifests.Pod["spec"]["serviceAccountName"].Text;
        _manifests.Of("ServiceAccount", account);
        var binding = _manifests.Single("RoleBinding");
        Assert.Equal(account, Assert.Single(binding["subjects"].Items)["name"].Text);
        var rule = Assert.Single(_manifests.Of("Role", binding["roleRef"]["name"].Text)["rules"].Items);

        Assert.Equal(["pods"], rule["resources"].Texts);
        Assert.Equal(["get", "list", "patch", "watch"], rule["verbs"].Texts.Order());
    }

    [Fact]
    public void Silos_and_job_run_the_one_image_as_non_root_and_at_most_one_silo_is_disrupted_at_a_time()
    {
        var image = _manifests.Silo["image"].Text;
        Assert.Equal(image, MigrateContainer["image"].Text);
        Assert.Equal(image.Split(':')[0], Assert.Single(Manifests.Kustomization["images"].Items)["name"].Text);
        foreach (var pod in new[] { _manifests.Pod, _manifests.Single("Job")["spec"]["template"] })
        {
            Assert.Equal("true", pod["spec"]["securityContext"]["runAsNonRoot"].Text);
        }

        Assert.Equal(1, _manifests.Single("PodDisruptionBudget")["spec"]["maxUnavailable"].Number);
        Assert.Equal(3, _manifests.Single("Deployment")["spec"]["replicas"].Number);
    }

    [Fact]
    public async Task The_migrate_job_runs_the_real_command_line_with_the_secrets_connection_string()
    {
        var environment = _manifests.EnvironmentFrom(MigrateContainer).ToDictionary();
        var arguments = MigrateContainer["args"].Texts
            .Select(argument => KubernetesReference().Replace(argument, reference => environment[reference.Groups["name"].Value]))
            .ToList();
        var connection = arguments.IndexOf("--connection") + 1;
        Assert.Equal("CHANGE-ME", new NpgsqlConnectionStringBuilder(arguments[connection]).Password);
        await using var database = await TemporaryPostgresDatabase.CreateAsync();
        arguments[connection] = database.ConnectionString;

        var run = await CommandLine.RunAsync(MigrateContainer["command"].Texts, arguments);

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Contains("applied 0001_event_store", run.Output, StringComparison.Ordinal);
    }

    private Yaml MigrateContainer => Assert.Single(_manifests.Single("Job")["spec"]["template"]["spec"]["containers"].Items);

    /// <summary>Kubernetes' <c>$(NAME)</c>: a variable of the container's environment, filled into command and args.</summary>
    [GeneratedRegex(@"\$\((?<name>[A-Za-z_][A-Za-z0-9_]*)\)")]
    private static partial Regex KubernetesReference();
}
