# Builds hapring and runs its whole test suite in a container on the host's (recent) kernel.
#
#   docker build -t hapring .
#   docker run --rm --security-opt seccomp=unconfined --ulimit memlock=-1 hapring
#
# io_uring needs both flags: Docker's default seccomp profile (Docker >= 25) blocks io_uring_setup,
# io_uring_enter and io_uring_register (hapring then falls back to its FileChannel engine, and the
# io_uring tests skip with that reason), and registered buffers are charged to RLIMIT_MEMLOCK
# (without --ulimit memlock=-1 or --cap-add IPC_LOCK, registration fails with ENOMEM and hapring
# falls back to unregistered buffers). Instead of seccomp=unconfined, a copy of Docker's default
# profile with those three syscalls allowed works too: --security-opt seccomp=profile.json.
FROM eclipse-temurin:25-jdk-noble

RUN apt-get update -q \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
      ffmpeg fio liburing2 liburing-dev \
      libgl1 libglx-mesa0 libegl1 libegl-mesa0 libgl1-mesa-dri xvfb xauth \
 && rm -rf /var/lib/apt/lists/*

WORKDIR /src
# Dependencies first, so that a source change does not download the world again.
COPY mvnw pom.xml ./
COPY .mvn .mvn
COPY native-bindings/pom.xml native-bindings/
COPY java/core/pom.xml java/core/
COPY java/render/pom.xml java/render/
COPY java/app/pom.xml java/app/
COPY java/bench/pom.xml java/bench/
RUN ./mvnw -B -ntp -q dependency:go-offline -DexcludeReactor=true || true

COPY . .
RUN ./hapring --version

CMD ["./hapring", "test"]
