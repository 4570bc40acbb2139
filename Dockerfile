# The loadbench image that 'loadbench k8s' runs in every pod: the shaded jar and the ./loadbench script on a JRE.
# Build the jar first, then the image, from the project's root:
#   mvn -B install -DskipTests -pl cli -am
#   docker build -t registry.example.com/loadbench:0.1.0 .
#   docker push registry.example.com/loadbench:0.1.0
# docs/scale-out.md (Kubernetes) explains the rest.
FROM eclipse-temurin:17-jre

# a fixed numeric user, so that a pod's runAsNonRoot can check it; its home is the working directory, the one folder
# the manifests mount writable (JobManifests.WORK_DIR) besides /tmp and the results
RUN groupadd --system --gid 10001 loadbench \
    && useradd --system --uid 10001 --gid 10001 --home-dir /var/lib/loadbench --shell /usr/sbin/nologin loadbench \
    && mkdir -p /var/lib/loadbench /opt/loadbench/cli/target \
    && chown 10001:10001 /var/lib/loadbench

COPY cli/target/loadbench.jar /opt/loadbench/loadbench.jar
COPY loadbench /opt/loadbench/loadbench
# the script looks for the jar where a build leaves it
RUN ln -s /opt/loadbench/loadbench.jar /opt/loadbench/cli/target/loadbench.jar \
    && ln -s /opt/loadbench/loadbench /usr/local/bin/loadbench

USER 10001:10001
WORKDIR /var/lib/loadbench

# The heap is 75% of the container's memory limit (the JVM reads the cgroup's), leaving the rest to Netty's direct
# buffers, metaspace and thread stacks; out of memory ends the pod at once rather than leaving a half-dead injector
# whose latencies would be measured. --add-opens is what Gatling needs on Java 17 (the ./loadbench script adds it too).
# More JVM options: JAVA_TOOL_OPTIONS in the pod's environment.
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-XX:+ExitOnOutOfMemoryError", "--add-opens=java.base/java.lang=ALL-UNNAMED", "-jar", "/opt/loadbench/loadbench.jar"]
CMD ["--help"]
