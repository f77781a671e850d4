"""Airflow DAG for the plusk nightly run: one run per day, in date order, never two at once.

Each DAG run processes its logical date ({{ ds }}): the day whose dumps are complete. Runs are serial
(max_active_runs=1, depends_on_past=True), so a failed date stops the following ones until it is fixed, which is
what `plusk backfill` does by hand. plusk's writes for a date are staged and swapped in atomically, and a rerun
of a date replaces exactly that date, so Airflow's retries and "clear" are safe.

Settings come from Airflow Variables (Admin > Variables):
  plusk_jar        the application jar (jobs/target/plusk-jobs-<version>-cluster.jar, copied to HDFS or a path
                   every worker can read)
  plusk_input      input root, e.g. hdfs:///plusk/input
  plusk_warehouse  warehouse root, e.g. hdfs:///plusk/warehouse
and the Spark connection `spark_plusk` (Admin > Connections: host yarn, spark://head:7077 or k8s://...).
Object-store credentials belong in the connection's environment or a Hadoop credential provider, not here.

Exit codes: SparkSubmitOperator fails the task on any non-zero exit. A data-quality failure (exit 3: a required
dump missing, too many bad lines, a corrupt file) is not cured by a retry; the retries below cover transient
cluster trouble, and the log line "plusk: nightly failed: ..." says which it was.
"""
from datetime import timedelta

import pendulum
from airflow import DAG
from airflow.models import Variable
from airflow.providers.apache.spark.operators.spark_submit import SparkSubmitOperator

# Spark on Java 17 needs these opens in the driver and every executor (the same list as scripts/submit).
JAVA17_OPENS = " ".join(
    "--add-opens=java.base/%s=ALL-UNNAMED" % pkg
    for pkg in ("java.lang", "java.lang.invoke", "java.lang.reflect", "java.io", "java.net", "java.nio",
                "java.util", "java.util.concurrent", "java.util.concurrent.atomic", "sun.nio.ch", "sun.nio.cs",
                "sun.security.action", "sun.util.calendar")
) + " -Djdk.reflect.useDirectMethodHandle=false"

default_args = {
    "owner": "plusk",
    "depends_on_past": True,
    "retries": 2,
    "retry_delay": timedelta(minutes=10),
    "retry_exponential_backoff": True,
    "execution_timeout": timedelta(hours=3),
}

with DAG(
    dag_id="plusk_nightly",
    description="Topic expertise from the day's dumps (ingest, engaged, link, score, publish)",
    schedule="30 2 * * *",  # 02:30 UTC, once the previous UTC day's dumps have landed
    start_date=pendulum.datetime(2026, 11, 23, tz="UTC"),
    catchup=True,
    max_active_runs=1,
    default_args=default_args,
    tags=["plusk"],
) as dag:
    SparkSubmitOperator(
        task_id="nightly",
        conn_id="spark_plusk",
        application="{{ var.value.plusk_jar }}",
        java_class="io.plusk.jobs.cli.PluskCli",
        name="plusk-nightly-{{ ds }}",
        application_args=[
            "nightly",
            "--date", "{{ ds }}",
            "--input", "{{ var.value.plusk_input }}",
            "--warehouse", "{{ var.value.plusk_warehouse }}",
        ],
        driver_memory="4g",
        executor_memory="6g",
        executor_cores=4,
        conf={
            "spark.driver.extraJavaOptions": JAVA17_OPENS,
            "spark.executor.extraJavaOptions": JAVA17_OPENS,
            "spark.task.maxFailures": "4",
            "spark.yarn.submit.waitAppCompletion": "true",
            "spark.kubernetes.submission.waitAppCompletion": "true",
        },
        # A second run of the same date would stop at plusk's per-date lock anyway; the pool keeps the queue tidy.
        pool="plusk",
        pool_slots=1,
    )
