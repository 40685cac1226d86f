"""Worker processes for images and social cards: errors surface, a dead pool is not fatal."""

from __future__ import annotations

import os

import pytest

from generator.media.workers import Workers, done


def test_a_task_error_is_raised_where_its_result_is_read():
    with Workers(2) as workers:
        future = workers.submit(int, "pas un nombre")
        with pytest.raises(ValueError):
            future.result()


def test_one_core_works_in_process():
    with Workers(1) as workers:
        assert workers.submit(sum, [1, 2, 3]).result() == 6
        assert workers.submit(os.getpid).result() == os.getpid()


def test_more_cores_work_in_other_processes():
    with Workers(2) as workers:
        assert workers.submit(os.getpid).result() != os.getpid()


def test_a_killed_worker_leaves_the_work_to_the_caller():
    with Workers(2) as workers:
        assert done(workers.submit(os._exit, 1)) == 0  # the build then makes these files itself
        assert workers.submit(sum, [1, 2]).result() == 3  # and goes on without the pool
        assert workers.submit(os.getpid).result() == os.getpid()
