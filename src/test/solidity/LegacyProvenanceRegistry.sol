// SPDX-License-Identifier: UNLICENSED
pragma solidity 0.8.28;

/// @title CityTrace provenance registry as deployed before governance (an administrator admits members)
/// @notice Kept for the tests of moving such a registry's rounds to a governed one (RegistryMigrationTest);
/// this is the contract of src/main/solidity before issue 14, renamed, without verifyInclusion (unchanged since, and
/// not what a migration reads).
/// @notice Consortium members anchor RFC 6962 Merkle roots of batches of EPCIS event hashes.
/// Anyone can then prove that an event was in an anchored batch with `verifyInclusion`.
contract LegacyProvenanceRegistry {
    /// One storage slot per anchor keeps `anchor` cheap: the member is stored by its id
    /// (an address would not fit beside three 64-bit fields).
    struct Anchor {
        uint64 blockNumber;
        uint64 timestamp;
        uint64 leafCount;
        uint32 memberId;
    }

    /// A member keeps its id after removal, so older anchors still name it.
    struct Member {
        uint32 id;
        bool active;
    }

    address public admin;

    mapping(address account => Member) private _members;
    /// _memberAccounts[id - 1] is the account of member `id`.
    address[] private _memberAccounts;
    mapping(bytes32 root => Anchor) private _anchors;

    /// @notice `batchRef` is recorded in this event only: storing it would take a second slot (+20,000 gas).
    event Anchored(bytes32 indexed root, address indexed member, uint64 leafCount, bytes32 batchRef);
    event MemberAdded(address indexed account);
    event MemberRemoved(address indexed account);
    event AdminTransferred(address indexed previousAdmin, address indexed newAdmin);

    error NotAdmin(address caller);
    error NotMember(address account);
    error AlreadyMember(address account);
    error ZeroAddress();
    error EmptyBatch();
    /// A resubmitted batch ends here: the root is on chain already, which is what the sender wanted.
    error RootAlreadyAnchored(bytes32 root);

    modifier onlyAdmin() {
        if (msg.sender != admin) revert NotAdmin(msg.sender);
        _;
    }

    constructor() {
        admin = msg.sender;
        emit AdminTransferred(address(0), msg.sender);
    }

    function transferAdmin(address newAdmin) external onlyAdmin {
        if (newAdmin == address(0)) revert ZeroAddress();
        emit AdminTransferred(admin, newAdmin);
        admin = newAdmin;
    }

    function addMember(address account) external onlyAdmin {
        if (account == address(0)) revert ZeroAddress();
        Member memory member = _members[account];
        if (member.active) revert AlreadyMember(account);
        if (member.id == 0) {
            _memberAccounts.push(account);
            member.id = uint32(_memberAccounts.length);
        }
        _members[account] = Member(member.id, true);
        emit MemberAdded(account);
    }

    function removeMember(address account) external onlyAdmin {
        if (!_members[account].active) revert NotMember(account);
        _members[account].active = false;
        emit MemberRemoved(account);
    }

    function isMember(address account) external view returns (bool) {
        return _members[account].active;
    }

    /// @notice Records a Merkle root (MTH of `leafCount` leaves) for the calling member.
    function anchor(bytes32 root, uint64 leafCount, bytes32 batchRef) external {
        Member memory member = _members[msg.sender];
        if (!member.active) revert NotMember(msg.sender);
        if (leafCount == 0) revert EmptyBatch();
        if (_anchors[root].blockNumber != 0) revert RootAlreadyAnchored(root);
        _anchors[root] = Anchor(uint64(block.number), uint64(block.timestamp), leafCount, member.id);
        emit Anchored(root, msg.sender, leafCount, batchRef);
    }

    /// @return blockNumber 0 when the root was never anchored
    function anchorOf(bytes32 root)
        external
        view
        returns (uint64 blockNumber, uint64 timestamp, address member, uint64 leafCount)
    {
        Anchor memory a = _anchors[root];
        if (a.blockNumber == 0) return (0, 0, address(0), 0);
        return (a.blockNumber, a.timestamp, _memberAccounts[a.memberId - 1], a.leafCount);
    }
}
