package dev.keycard.format.dockerrun;

import static dev.keycard.format.dockerrun.Runs.one;
import static dev.keycard.format.dockerrun.Runs.row;
import static org.assertj.core.api.Assertions.assertThat;

import dev.keycard.model.Container;
import dev.keycard.model.Device;
import dev.keycard.model.EnvVar;
import dev.keycard.model.Healthcheck;
import dev.keycard.model.Mount;
import dev.keycard.model.Port;
import dev.keycard.model.Sysctl;
import dev.keycard.model.Tmpfs;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each flag family of docker run, table-driven, including the traps of the flag reference. */
class DockerRunFlagsTest {

  static Stream<Arguments> privilegeAndCapabilities() {
    return Stream.of(
        row(
            "dockerRun_privileged_isPrivileged",
            "docker run --privileged nginx",
            Container::privileged,
            true),
        row(
            "dockerRun_privilegedFalse_isNotPrivileged",
            "docker run --privileged=false nginx",
            Container::privileged,
            false),
        row(
            "dockerRun_privilegedTrueCapitalised_isPrivileged",
            "docker run --privileged=True nginx",
            Container::privileged,
            true),
        row(
            "dockerRun_privilegedSpaceFalse_falseIsTheImage",
            "docker run --privileged false",
            Container::image,
            "false"),
        row(
            "dockerRun_privilegedSpaceFalse_isStillPrivileged",
            "docker run --privileged false",
            Container::privileged,
            true),
        row(
            "dockerRun_privilegedAfterImage_isContainerArgument",
            "docker run alpine sh -c \"echo --privileged\"",
            Container::privileged,
            false),
        row(
            "dockerRun_privilegedAfterImage_isInCommand",
            "docker run alpine sh -c \"echo --privileged\"",
            Container::command,
            List.of("sh", "-c", "echo --privileged")),
        row(
            "dockerRun_capAddCommaList_isOneValue",
            "docker run --cap-add NET_ADMIN,SYS_ADMIN nginx",
            Container::capAdd,
            List.of("NET_ADMIN,SYS_ADMIN")),
        row(
            "dockerRun_capAddLowerCasePrefixed_isNormalised",
            "docker run --cap-add=cap_sys_admin --cap-add net_raw nginx",
            Container::capAdd,
            List.of("SYS_ADMIN", "NET_RAW")),
        row(
            "dockerRun_capDropAll_isAll",
            "docker run --cap-drop all nginx",
            Container::capDrop,
            List.of("ALL")),
        row(
            "podmanRun_capAddCommaList_isSplit",
            "podman run --cap-add NET_ADMIN,SYS_ADMIN nginx",
            Container::capAdd,
            List.of("NET_ADMIN", "SYS_ADMIN")),
        row(
            "dockerRun_readOnly_isReadOnly",
            "docker run --read-only nginx",
            Container::readOnly,
            true),
        row(
            "dockerRun_securityOptSeccompFile_keepsRawPath",
            "docker run --security-opt seccomp=/etc/profile.json nginx",
            Container::seccomp,
            "/etc/profile.json"),
        row(
            "dockerRun_securityOptNoNewPrivileges_isTrue",
            "docker run --security-opt no-new-privileges nginx",
            Container::noNewPrivileges,
            true),
        row(
            "dockerRun_securityOptApparmorColon_isParsed",
            "docker run --security-opt apparmor:unconfined nginx",
            Container::apparmor,
            "unconfined"),
        row(
            "dockerRun_securityOptLabelWithCommas_isOneValue",
            "docker run --security-opt label=level:s0:c100,c200 nginx",
            Container::securityOpt,
            List.of("label=level:s0:c100,c200")),
        row("dockerRun_user_setsUidAndGid", "docker run -u 1000:1000 nginx", Container::gid, 1000L),
        row(
            "dockerRun_userLong_setsUser",
            "docker run --user=nobody nginx",
            Container::user,
            "nobody"));
  }

  static Stream<Arguments> tokenizerRules() {
    return Stream.of(
        row(
            "dockerRun_publishAfterImage_publishesNothing",
            "docker run -d nginx -p 80:80",
            Container::ports,
            List.of()),
        row(
            "dockerRun_publishAfterImage_isCommand",
            "docker run -d nginx -p 80:80",
            Container::command,
            List.of("-p", "80:80")),
        row(
            "dockerRun_combinedItp_publishesNextWord",
            "docker run -itp 80:80 nginx",
            c -> c.ports().get(0).containerPort(),
            80),
        row(
            "dockerRun_combinedDpGlued_publishesRestOfWord",
            "docker run -dp80:80 nginx",
            c -> c.ports().get(0).hostPort(),
            80),
        row(
            "dockerRun_shortGlued_publishes",
            "docker run -p8080:80 nginx",
            c -> c.ports().get(0).hostPort(),
            8080),
        row(
            "dockerRun_shortEquals_stripsEquals",
            "docker run -e=FOO=bar nginx",
            Container::environment,
            List.of(new EnvVar("FOO", "bar"))),
        row(
            "dockerRun_groupEqualsFalse_appliesToLastLetter",
            "docker run -it=false nginx",
            Container::image,
            "nginx"),
        row(
            "dockerRun_nameTakesDashWord_nameIsRm",
            "docker run --name --rm nginx",
            Container::name,
            "--rm"),
        row(
            "dockerRun_volumeShortEquals_mountsY",
            "docker run -v=/x:/y nginx",
            c -> c.mounts().get(0).target(),
            "/y"),
        row(
            "dockerRun_doubleDashBeforeImage_endsOptions",
            "docker run -it -- ubuntu bash",
            Container::image,
            "ubuntu"),
        row(
            "dockerRun_doubleDashAfterImage_isCommand",
            "docker run odoo -- --db-filter=x",
            Container::command,
            List.of("--", "--db-filter=x")),
        row(
            "dockerRun_envLongEquals_splitsAtFirstEquals",
            "docker run --env=A=B=C nginx",
            Container::environment,
            List.of(new EnvVar("A", "B=C"))),
        row(
            "dockerRun_netAlias_isNetwork",
            "docker run --net=host nginx",
            Container::networkMode,
            "host"),
        row(
            "dockerRun_singleDashLongName_isPublishRivileged",
            "docker run -privileged nginx",
            Container::privileged,
            false),
        row(
            "dockerRun_lastScalarWins_name",
            "docker run --name a --name b nginx",
            Container::name,
            "b"),
        row("dockerRun_lonePositionalDash_isImage", "docker run - x", Container::image, "-"));
  }

  static Stream<Arguments> numbers() {
    return Stream.of(
        row(
            "dockerRun_memoryBare512_is512Bytes",
            "docker run -m 512 nginx",
            Container::memory,
            512L),
        row(
            "dockerRun_memory512m_isMebibytes",
            "docker run --memory=512m nginx",
            Container::memory,
            512L * 1024 * 1024),
        row(
            "dockerRun_memory1gb_isGibibyte",
            "docker run --memory 1GB nginx",
            Container::memory,
            1L << 30),
        row(
            "dockerRun_memoryAbc_isUnset",
            "docker run --memory abc nginx",
            Container::memory,
            null),
        row(
            "dockerRun_memorySwapMinusOne_isUnlimited",
            "docker run --memory-swap -1 nginx",
            Container::memorySwap,
            -1L),
        row(
            "dockerRun_memorySwapQuotedSpaceMinusOne_isRefused",
            "docker run --memory-swap ' -1' nginx",
            Container::memorySwap,
            null),
        row(
            "dockerRun_memoryPointFiveG_isHalfAGibibyte",
            "docker run --memory .5g nginx",
            Container::memory,
            512L << 20),
        row(
            "dockerRun_memoryTrailingDot_isAccepted",
            "docker run --memory 32.m nginx",
            Container::memory,
            32L << 20),
        row(
            "dockerRun_memoryQuotedSpaces_isUnset",
            "docker run --memory ' 32m ' nginx",
            Container::memory,
            null),
        row(
            "dockerRun_memoryReservation_isBytes",
            "docker run --memory-reservation 1k nginx",
            Container::memoryReservation,
            1024L),
        row(
            "dockerRun_cpuSharesLeadingZero_isOctal",
            "docker run --cpu-shares 0512 nginx",
            Container::cpuShares,
            330L),
        row(
            "dockerRun_cpuSharesHex_isHex",
            "docker run -c 0x200 nginx",
            Container::cpuShares,
            512L),
        row(
            "dockerRun_cpuSharesUnderscore_isAccepted",
            "docker run --cpu-shares 1_000 nginx",
            Container::cpuShares,
            1000L),
        row("dockerRun_cpusDecimal_isNumber", "docker run --cpus 1.5 nginx", Container::cpus, 1.5),
        row("dockerRun_cpusFraction_isNumber", "docker run --cpus 3/2 nginx", Container::cpus, 1.5),
        row("dockerRun_cpusExponent_isNumber", "docker run --cpus=1e0 nginx", Container::cpus, 1.0),
        row(
            "dockerRun_cpusTooPrecise_isUnset",
            "docker run --cpus=0.0000000001 nginx",
            Container::cpus,
            null),
        row(
            "dockerRun_cpuQuotaDefaultPeriod_isCpus",
            "docker run --cpu-quota 50000 nginx",
            Container::cpus,
            0.5),
        row(
            "dockerRun_cpuQuotaAndPeriod_isCpus",
            "docker run --cpu-quota 200000 --cpu-period 100000 nginx",
            Container::cpus,
            2.0),
        row(
            "dockerRun_cpuQuota_isKept",
            "docker run --cpu-quota 50000 nginx",
            Container::cpuQuota,
            50000L),
        row(
            "dockerRun_pidsLimit_isSet",
            "docker run --pids-limit 100 nginx",
            Container::pidsLimit,
            100L),
        row(
            "dockerRun_pidsLimitNegative_isMinusOne",
            "docker run --pids-limit=-1 nginx",
            Container::pidsLimit,
            -1L),
        row(
            "dockerRun_oomKillDisable_isSet",
            "docker run --oom-kill-disable nginx",
            Container::oomKillDisable,
            true),
        row(
            "dockerRun_restartOnFailure_hasRetries",
            "docker run --restart on-failure:5 nginx",
            Container::restartMaxRetries,
            5),
        row(
            "dockerRun_restartOnFailure_hasPolicy",
            "docker run --restart on-failure:5 nginx",
            Container::restartPolicy,
            "on-failure"),
        row(
            "dockerRun_restartUnlessStopped_isPolicy",
            "docker run --restart=unless-stopped nginx",
            Container::restartPolicy,
            "unless-stopped"));
  }

  static Stream<Arguments> namespacesAndNetworks() {
    return Stream.of(
        row("dockerRun_noNetwork_leavesModeNull", "docker run nginx", Container::networkMode, null),
        row(
            "dockerRun_networkHost_isMode",
            "docker run --network host nginx",
            Container::networkMode,
            "host"),
        row(
            "dockerRun_networkContainer_isMode",
            "docker run --net=container:kapacitor nginx",
            Container::networkMode,
            "container:kapacitor"),
        row(
            "dockerRun_userDefinedNetwork_isListed",
            "docker run --network my-net nginx",
            Container::networks,
            List.of("my-net")),
        row(
            "dockerRun_userDefinedNetwork_leavesModeNull",
            "docker run --network my-net nginx",
            Container::networkMode,
            null),
        row(
            "dockerRun_advancedNetworks_accumulate",
            "docker run --network=name=n1,ip=192.0.2.42 --net name=N2 nginx",
            Container::networks,
            List.of("n1", "n2")),
        row(
            "dockerRun_advancedNetworkQuotedDriverOpt_isOneNetwork",
            "docker run --network 'name=n,\"driver-opt=a=1,b=2\"' nginx",
            Container::networks,
            List.of("n")),
        row("dockerRun_pidHost_isHost", "docker run --pid=host nginx", Container::pid, "host"),
        row("dockerRun_pidInvalid_isUnset", "docker run --pid=hots nginx", Container::pid, null),
        row("dockerRun_ipcHost_isHost", "docker run --ipc host nginx", Container::ipc, "host"),
        row("dockerRun_utsHost_isHost", "docker run --uts=host nginx", Container::uts, "host"),
        row(
            "dockerRun_usernsHost_isHost",
            "docker run --userns=host nginx",
            Container::userns,
            "host"),
        row(
            "dockerRun_cgroupnsHost_isHost",
            "docker run --cgroupns host nginx",
            Container::cgroupns,
            "host"),
        row(
            "dockerRun_cgroupParent_isKept",
            "docker run --cgroup-parent /foo nginx",
            Container::cgroupParent,
            "/foo"),
        row(
            "dockerRun_sysctl_isListed",
            "docker run --sysctl net.ipv4.ip_forward=1 nginx",
            Container::sysctls,
            List.of(new Sysctl("net.ipv4.ip_forward", "1"))),
        row(
            "dockerRun_sysctlNotAllowed_isDropped",
            "docker run --sysctl kernel.domainname=x nginx",
            Container::sysctls,
            List.of()));
  }

  static Stream<Arguments> mountsDevicesPorts() {
    return Stream.of(
        row(
            "dockerRun_volumeHostRoot_isBind",
            "docker run -v /:/host nginx",
            Container::mounts,
            List.of(new Mount("bind", "/", "/host", false, null))),
        row(
            "dockerRun_volumeNamedReadOnly_isVolume",
            "docker run -v data:/data:ro nginx",
            Container::mounts,
            List.of(new Mount("volume", "data", "/data", true, null))),
        row(
            "dockerRun_volumeAnonymous_hasNoSource",
            "docker run -v /data nginx",
            Container::mounts,
            List.of(new Mount("volume", null, "/data", false, null))),
        row(
            "dockerRun_volumePwd_isUnknownBind",
            "docker run -v $PWD:/app nginx",
            c -> c.mounts().get(0).type() + " " + c.unknown(),
            "bind [mounts[0].source]"),
        row(
            "dockerRun_mountCsv_isBind",
            "docker run --mount type=bind,src=/var/run/docker.sock,dst=/sock,readonly nginx",
            Container::mounts,
            List.of(new Mount("bind", "/var/run/docker.sock", "/sock", true, null))),
        row(
            "dockerRun_mountPropagation_isKept",
            "docker run --mount type=bind,source=/a,target=/b,bind-propagation=rshared nginx",
            c -> c.mounts().get(0).propagation(),
            "rshared"),
        row(
            "dockerRun_mountDefaultType_isVolume",
            "docker run --mount source=v,target=/v,ro=false nginx",
            Container::mounts,
            List.of(new Mount("volume", "v", "/v", false, null))),
        row(
            "dockerRun_mountTmpfs_isTmpfsMount",
            "docker run --mount type=tmpfs,destination=/t,tmpfs-size=64m nginx",
            c -> c.mounts().get(0).type(),
            "tmpfs"),
        row(
            "dockerRun_useApiSocket_bindsDockerSocket",
            "docker run --use-api-socket nginx",
            Container::mounts,
            List.of(
                new Mount("bind", "/var/run/docker.sock", "/var/run/docker.sock", false, null))),
        row(
            "dockerRun_volumesFrom_isIgnored",
            "docker run --volumes-from other nginx",
            Container::mounts,
            List.of()),
        row(
            "dockerRun_tmpfsWithOptions_keepsOptions",
            "docker run --tmpfs /run:rw,noexec,nosuid nginx",
            Container::tmpfs,
            List.of(new Tmpfs("/run", "rw,noexec,nosuid"))),
        row(
            "dockerRun_tmpfsSamePathTwice_lastWins",
            "docker run --tmpfs /run --tmpfs /run:exec nginx",
            Container::tmpfs,
            List.of(new Tmpfs("/run", "exec"))),
        row(
            "dockerRun_device_defaultsToRwm",
            "docker run --device /dev/fuse nginx",
            Container::devices,
            List.of(new Device("/dev/fuse", "/dev/fuse", "rwm"))),
        row(
            "dockerRun_deviceWithMode_isHostPerms",
            "docker run --device=/dev/sda:/dev/xvdc:m nginx",
            Container::devices,
            List.of(new Device("/dev/sda", "/dev/xvdc", "m"))),
        row(
            "dockerRun_deviceCdi_keptWhole",
            "docker run --device=vendor.com/class=device-name nginx",
            Container::devices,
            List.of(new Device("vendor.com/class=device-name", null, null))),
        row(
            "dockerRun_deviceCgroupRule_isListed",
            "docker run --device-cgroup-rule='c 42:* rmw' nginx",
            Container::deviceCgroupRules,
            List.of("c 42:* rmw")),
        row(
            "dockerRun_publishLoopback_keepsIp",
            "docker run -p 127.0.0.1:8080:80/udp nginx",
            Container::ports,
            List.of(new Port("127.0.0.1", 8080, 8080, 80, 80, "udp"))),
        row(
            "dockerRun_publishLongForm_usesPublishedAndTarget",
            "docker run -p published=8080,target=80,host_ip=127.0.0.1 nginx",
            Container::ports,
            List.of(new Port(null, 8080, 8080, 80, 80, "tcp"))),
        row(
            "dockerRun_publishCommaList_isInvalid",
            "docker run -p 80:80,443:443 nginx",
            Container::ports,
            List.of()),
        row("dockerRun_publishAll_isSet", "docker run -P nginx", Container::publishAll, true));
  }

  static Stream<Arguments> environmentAndProcess() {
    return Stream.of(
        row(
            "dockerRun_envNameOnly_hasNullValue",
            "docker run -e TERM nginx",
            Container::environment,
            List.of(new EnvVar("TERM", null))),
        row(
            "dockerRun_envNameOnly_isUnknown",
            "docker run -e TERM nginx",
            Container::unknown,
            List.of("environment.TERM")),
        row(
            "dockerRun_envVariableValue_isUnknown",
            "docker run -e HOME=$HOME nginx",
            Container::unknown,
            List.of("environment.HOME")),
        row(
            "dockerRun_envEmptyValue_isEmpty",
            "docker run -e CONTEXT_PATH= nginx",
            Container::environment,
            List.of(new EnvVar("CONTEXT_PATH", ""))),
        row(
            "dockerRun_healthCmd_isCmdShell",
            "docker run --health-cmd 'curl -f localhost' nginx",
            Container::healthcheck,
            new Healthcheck(List.of("CMD-SHELL", "curl -f localhost"), false)),
        row(
            "dockerRun_noHealthcheck_isDisabled",
            "docker run --no-healthcheck nginx",
            c -> c.healthcheck().disabled(),
            true),
        row(
            "dockerRun_entrypointWithSpace_isOneElement",
            "docker run --entrypoint \"sh -c\" nginx",
            Container::entrypoint,
            List.of("sh -c")),
        row(
            "dockerRun_entrypointEmpty_resetsEntrypoint",
            "docker run --entrypoint '' nginx",
            Container::entrypoint,
            List.of("")),
        row("dockerRun_noCommand_isNull", "docker run nginx", Container::command, null),
        row(
            "dockerRun_nameFromImage_isLastPathComponent",
            "docker run lscr.io/linuxserver/kasm:latest",
            Container::name,
            "kasm"),
        row(
            "dockerRun_nameFromDigestImage_dropsDigest",
            "docker run registry:5000/team/app@sha256:0123456789abcdef0123456789abcdef",
            Container::name,
            "app"),
        row(
            "dockerRun_imageWithVariable_isUnknown",
            "docker run nginx:$TAG",
            Container::unknown,
            List.of("image")));
  }

  static Stream<Arguments> commandPrefixes() {
    return Stream.of(
        row(
            "sudoDockerContainerRun_isParsed",
            "sudo docker container run --privileged nginx",
            Container::privileged,
            true),
        row(
            "sudoWithOptions_isParsed",
            "sudo -E -u root docker run --privileged nginx",
            Container::privileged,
            true),
        row(
            "promptDollar_isSkipped",
            "$ docker run --privileged nginx",
            Container::privileged,
            true),
        row("promptHash_isSkipped", "# docker run --privileged nginx", Container::privileged, true),
        row(
            "envAssignment_isSkipped",
            "DOCKER_HOST=tcp://x FOO=bar docker run --privileged nginx",
            Container::privileged,
            true),
        row(
            "dockerPath_isDocker",
            "/usr/bin/docker run --privileged nginx",
            Container::privileged,
            true),
        row(
            "dockerGlobalOptions_areSkipped",
            "docker -H tcp://h:2376 --context x -D -l debug --tlsverify run -c 512 nginx",
            Container::cpuShares,
            512L),
        row(
            "dockerCreate_isParsed",
            "docker create --privileged nginx",
            Container::privileged,
            true),
        row(
            "dockerContainerCreate_isParsed",
            "docker container create -i -t --name mycontainer alpine",
            Container::name,
            "mycontainer"),
        row("podmanRun_isParsed", "podman run --privileged nginx", Container::privileged, true),
        row(
            "podmanContainerRun_isParsed",
            "podman container run --net=host nginx",
            Container::networkMode,
            "host"),
        row(
            "podmanHealthcheckAlias_isHealthCmd",
            "podman run --healthcheck-command 'true' nginx",
            c -> c.healthcheck().test(),
            List.of("CMD-SHELL", "true")));
  }

  static Stream<Arguments> shellSyntax() {
    return Stream.of(
        row(
            "continuationLf_joinsLines",
            "docker run \\\n  --privileged \\\n  nginx",
            Container::privileged,
            true),
        row(
            "continuationCrLf_joinsLines",
            "docker run \\\r\n  --privileged \\\r\n  nginx\r\n",
            Container::image,
            "nginx"),
        row(
            "continuationTabs_joinsLines",
            "docker run \\\n\t--ulimit memlock=-1:-1 \\\n\t-p 8080:80 \\\n\tvarnish",
            c -> c.ports().size(),
            1),
        row(
            "backtickOptional_vanishes",
            "docker run -d \\\n  -v /a:/b `#optional` \\\n  --privileged `#optional` \\\n  nginx",
            Container::privileged,
            true),
        row(
            "backtickOptional_leavesNoWord",
            "docker run -e X=1 `#optional` nginx",
            Container::image,
            "nginx"),
        row(
            "commandSubstitution_isUnknownUser",
            "docker run -u $(id -u):$(id -g) nginx",
            Container::unknown,
            List.of("user")),
        row(
            "singleQuotes_keepDollar",
            "docker run -e 'A=$B' nginx",
            Container::environment,
            List.of(new EnvVar("A", "$B"))),
        row(
            "doubleQuoteEscapes_areResolved",
            "docker run -e \"A=\\\"x\\\" \\$y \\n\" nginx",
            Container::environment,
            List.of(new EnvVar("A", "\"x\" $y \\n"))),
        row(
            "backslashOutsideQuotes_escapes",
            "docker run --name my\\ app nginx",
            Container::name,
            "my app"),
        row(
            "comment_endsAtNewline",
            "# start it\ndocker run --privileged nginx # done",
            Container::command,
            null),
        row(
            "semicolon_endsCommand",
            "docker run nginx; echo --privileged",
            Container::command,
            null),
        row(
            "pipe_endsCommand",
            "docker run --env A=1 ubuntu env | grep VAR",
            Container::command,
            List.of("env")),
        row("andAnd_endsCommand", "docker run nginx && docker ps", Container::command, null),
        row(
            "redirection_isDropped",
            "docker run --rm httpd cat conf > my.conf 2>&1",
            Container::command,
            List.of("cat", "conf")),
        row(
            "braceExpansion_staysLiteral",
            "docker run ubuntu ls /dev/{xvdc,sdd}",
            Container::command,
            List.of("ls", "/dev/{xvdc,sdd}")),
        row(
            "globBrackets_stayLiteral",
            "docker run --add-host my-hostname=[2001:db8::33] alpine",
            Container::image,
            "alpine"),
        row(
            "parameterDefault_isUnknown",
            "docker run -v ${A:-$HOME/x}:/y nginx",
            c -> c.mounts().get(0).source(),
            "${A:-$HOME/x}"),
        row(
            "multiLineDoubleQuote_isOneWord",
            "docker run -e \"A=1 \\\n   2\" nginx",
            Container::environment,
            List.of(new EnvVar("A", "1    2"))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource({
    "privilegeAndCapabilities",
    "tokenizerRules",
    "numbers",
    "namespacesAndNetworks",
    "mountsDevicesPorts",
    "environmentAndProcess",
    "commandPrefixes",
    "shellSyntax"
  })
  void dockerRun(String name, String command, Function<Container, Object> read, Object want) {
    assertThat(read.apply(one(command))).isEqualTo(want);
  }
}
